"use client";

import { type Session } from "next-auth";
import { SessionProvider } from "next-auth/react";
import { type ReactNode } from "react";
import { SessionEndRedirect } from "./session-end-redirect";

/**
 * next-auth's SessionProvider for the root layout. It re-reads /api/auth/session every few minutes and
 * on focus: that notices an ended session, and (BACKEND_AUTH=forward) lets the server store refreshed
 * upstream tokens in the cookie before they expire.
 */
export function AuthSessionProvider({ children, session }: { children: ReactNode; session?: Session | null }) {
  return (
    <SessionProvider session={session} refetchInterval={4 * 60} refetchOnWindowFocus>
      <SessionEndRedirect />
      {children}
    </SessionProvider>
  );
}
