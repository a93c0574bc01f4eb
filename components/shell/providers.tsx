"use client";

import { useTranslations } from "next-intl";
import { type ReactNode } from "react";
import { Toaster } from "sonner";
import { SWRConfig } from "swr";
import { AuthSessionProvider } from "@/components/auth/session-provider";
import { redirectToSignIn } from "@/components/actions/session-redirect";
import { isApiError } from "@/lib/api/api-error";
import { fetchJson } from "@/lib/api/fetcher";

/** Any poll that finds the session ended goes to sign-in and back, instead of showing a broken panel. */
function onSwrError(error: unknown): void {
  if (isApiError(error) && error.code === "UNAUTHENTICATED") redirectToSignIn();
}

export function Providers({ children }: { children: ReactNode }) {
  const t = useTranslations("shell");
  return (
    <AuthSessionProvider>
      <SWRConfig
        value={{ fetcher: fetchJson, onError: onSwrError, revalidateOnFocus: true, shouldRetryOnError: false }}
      >
        {children}
        <Toaster richColors closeButton position="bottom-right" containerAriaLabel={t("notifications")} />
      </SWRConfig>
    </AuthSessionProvider>
  );
}
