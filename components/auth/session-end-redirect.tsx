"use client";

import { useSession } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { isSigningOut, useSessionExpiry } from "./use-session-expiry";

/**
 * Sends the user to sign-in when a session that was open ends: its time ran out, the server refused it
 * at a poll, or the user signed out in another tab. Renders nothing.
 */
export function SessionEndRedirect() {
  const { status } = useSession();
  const { expired } = useSessionExpiry();
  const wasSignedIn = useRef(false);
  const router = useRouter();

  useEffect(() => {
    if (status === "authenticated" && !expired) {
      wasSignedIn.current = true;
      return;
    }
    if (!wasSignedIn.current || isSigningOut() || (status !== "unauthenticated" && !expired)) return;
    wasSignedIn.current = false;
    const here = `${window.location.pathname}${window.location.search}`;
    router.replace(`/signin?reason=ended&callbackUrl=${encodeURIComponent(here)}`);
  }, [status, expired, router]);

  return null;
}
