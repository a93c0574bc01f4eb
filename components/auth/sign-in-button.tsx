"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Starts the OIDC sign-in. `forceLogin` asks the IdP for a fresh login (prompt=login), so signing in
 * after a sign-out, or with another account, does not silently reuse the IdP's session.
 */
export function SignInButton({
  callbackUrl,
  forceLogin = false,
  label,
  disabled = false,
}: {
  callbackUrl: string;
  forceLogin?: boolean;
  label?: string;
  disabled?: boolean;
}) {
  const t = useTranslations("auth.signin");
  const [pending, setPending] = useState(false);

  function start() {
    setPending(true);
    signIn("oidc", { callbackUrl }, forceLogin ? { prompt: "login" } : undefined).catch(() => setPending(false));
  }

  return (
    <Button variant="primary" className="w-full" onClick={start} disabled={disabled || pending} aria-busy={pending}>
      {pending ? t("pending") : (label ?? t("button"))}
    </Button>
  );
}
