import "server-only";
import type { AuthOptions } from "next-auth";
import { createAuthCallbacks } from "./callbacks";
import { authConfig, type AuthConfig } from "./config";
import { oidcProvider } from "./provider";
import { revokeSession } from "./revocation";

/** next-auth options from an explicit config (tests build their own; the app uses getAuthOptions()). */
export function buildAuthOptions(cfg: AuthConfig): AuthOptions {
  return {
    secret: cfg.secret,
    providers: [oidcProvider(cfg)],
    // Encrypted JWT (A256GCM) in an HttpOnly, SameSite=Lax cookie; Secure per `cfg.secure`.
    session: { strategy: "jwt", maxAge: cfg.sessionMaxAgeSeconds },
    jwt: { maxAge: cfg.sessionMaxAgeSeconds },
    useSecureCookies: cfg.secure,
    pages: { signIn: "/signin", error: "/signin" },
    callbacks: createAuthCallbacks(cfg),
    events: {
      // The cookie is deleted in this browser; the revocation list ends it everywhere else too.
      async signOut({ token }) {
        await revokeSession(token?.sid, token?.sessionExpiresAt);
      },
    },
    logger: {
      // next-auth's debug logs hold tokens and profiles: log error messages and warning codes only.
      error(code, metadata) {
        const error = metadata instanceof Error ? metadata : metadata.error;
        if (error?.name === "SessionEndedError") return; // an expired session is routine, not an error
        console.error(`[auth] ${code}${error?.message ? `: ${error.message}` : ""}`);
      },
      warn(code) {
        console.warn(`[auth] ${code}`);
      },
      debug() {},
    },
  };
}

let cached: AuthOptions | undefined;

/**
 * Built on first use, not at import: `next build` imports route modules, and a production build
 * must not fail for want of runtime secrets.
 */
export function getAuthOptions(): AuthOptions {
  cached ??= buildAuthOptions(authConfig());
  return cached;
}
