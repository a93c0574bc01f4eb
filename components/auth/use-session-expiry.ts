"use client";

import { useSession } from "next-auth/react";
import { useEffect, useState } from "react";

/** Set just before a deliberate sign-out, so its own navigation is not replaced by "session ended". */
let signingOut = false;
export function markSigningOut(): void {
  signingOut = true;
}
export function isSigningOut(): boolean {
  return signingOut;
}

/** Timers cannot wait longer than this (about 24.8 days); sessions are far shorter anyway. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The current session's absolute end and whether it has passed. `expired` flips to true at the moment
 * the session ends, without waiting for the next session poll.
 */
export function useSessionExpiry(): { expiresAt: Date | null; expired: boolean } {
  const { data } = useSession();
  const expiresAt = data?.expires ? new Date(data.expires) : null;
  const time = expiresAt?.getTime() ?? null;
  // The end time that has been reached; comparing with `time` resets it when the session changes.
  const [reached, setReached] = useState<number | null>(null);

  useEffect(() => {
    if (time === null) return;
    // Also for an end already past: state changes from the timer callback, never synchronously.
    const timer = setTimeout(() => setReached(time), Math.min(Math.max(time - Date.now(), 0), MAX_TIMER_MS));
    return () => clearTimeout(timer);
  }, [time]);

  const expired = time !== null && reached === time;
  return { expiresAt, expired };
}
