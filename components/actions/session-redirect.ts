"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { toast } from "sonner";

/** The one way the browser reacts to an ended session: to sign-in, then back to this very page. */
export function redirectToSignIn(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  // A full navigation on purpose: it drops every cache and pending request of the ended session.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/signin?reason=ended&callbackUrl=${encodeURIComponent(here)}`);
}

/**
 * For a user's own action that met an ended session (a save, an upload, an invoke): says so, then
 * signs in and comes back. Background polls use redirectToSignIn alone (providers.tsx).
 */
export function useSessionEnded(): () => void {
  const t = useTranslations("common.actions");
  return useCallback(() => {
    toast.error(t("sessionEnded"));
    redirectToSignIn();
  }, [t]);
}
