import "server-only";
// Shapes of our session and JWT, merged into next-auth's own types (used by useSession() too).
import type { Role } from "./policy";

declare module "next-auth" {
  /** What the browser sees at /api/auth/session: identity and role, never tokens or groups. */
  interface Session {
    user: { name: string; email: string; roles: Role[] };
    /** ISO time at which the session ends (absolute, from sign-in). */
    expires: string;
  }
}

declare module "next-auth/jwt" {
  /** The encrypted session cookie's payload. Only roles, never the group list, to stay under 4 KB. */
  interface JWT {
    roles?: Role[];
    /** This session's id, set at sign-in: what sign-out revokes (server/auth/revocation.ts). */
    sid?: string;
    /** Epoch seconds: absolute end of the session, however often the cookie is re-issued. */
    sessionExpiresAt?: number;
    /** BACKEND_AUTH=forward only: the user's upstream tokens, kept server-side in this encrypted cookie. */
    accessToken?: string;
    refreshToken?: string;
    accessTokenExpiresAt?: number;
  }
}
