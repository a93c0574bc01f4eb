import "server-only";
import type { Account, CallbacksOptions, Profile, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { groupsFromClaims } from "./claims";
import type { AuthConfig } from "./config";
import { isRole, roleFromGroups, type Role } from "./policy";
import { safeRedirectUrl } from "./redirects";
import { sessionStillValid } from "./revocation";
import { ensureFreshTokens } from "./token-refresh";

export type CallbackConfig = Pick<
  AuthConfig,
  | "groupsClaim"
  | "roleMap"
  | "backendAuth"
  | "baseUrl"
  | "sessionMaxAgeSeconds"
  | "issuer"
  | "clientId"
  | "clientSecret"
>;

export class SessionEndedError extends Error {
  override name = "SessionEndedError";
}

/** The user's single role as a list (the policy takes lists); empty means no access. */
export function rolesFromProfile(
  profile: Profile | Record<string, unknown>,
  cfg: Pick<CallbackConfig, "groupsClaim" | "roleMap">,
): Role[] {
  const role = roleFromGroups(groupsFromClaims(profile as Record<string, unknown>, cfg.groupsClaim), cfg.roleMap);
  return role ? [role] : [];
}

/**
 * next-auth callbacks. Roles are decided once, at sign-in: a change of groups at the IdP takes effect
 * at the next sign-in (sessions last at most `sessionMaxAgeSeconds`).
 */
export function createAuthCallbacks(
  cfg: CallbackConfig,
): Pick<CallbacksOptions, "signIn" | "jwt" | "session" | "redirect"> {
  return {
    async redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    async signIn({ profile }) {
      if (!profile) return false;
      // No mapped group: no session at all, and a page that says why (the reason tells it this visitor
      // did sign in, which it cannot otherwise know without a session).
      return rolesFromProfile(profile, cfg).length > 0 ? true : `${cfg.baseUrl}/no-access?reason=no-role`;
    },
    async jwt({ token, account, profile }) {
      if (account && profile) return tokenAtSignIn(token, account, profile, cfg);
      return continueSession(token, cfg);
    },
    async session({ token }) {
      return sessionFromToken(token);
    },
  };
}

/** Builds the cookie payload from scratch so nothing else from the profile (groups!) slips in. */
export function tokenAtSignIn(
  token: JWT,
  account: Account,
  profile: Profile,
  cfg: CallbackConfig,
  nowSeconds = Date.now() / 1000,
): JWT {
  const next: JWT = {
    sub: token.sub,
    name: token.name ?? null,
    email: token.email ?? null,
    roles: rolesFromProfile(profile, cfg),
    sid: crypto.randomUUID(),
    sessionExpiresAt: Math.floor(nowSeconds + cfg.sessionMaxAgeSeconds),
  };
  if (cfg.backendAuth === "forward") {
    if (!account.access_token) throw new SessionEndedError("The IdP returned no access token to forward.");
    next.accessToken = account.access_token;
    next.refreshToken = account.refresh_token;
    next.accessTokenExpiresAt = account.expires_at;
  }
  return next;
}

/** Every later read: end the session at its absolute limit, keep forwarded tokens fresh. */
export async function continueSession(token: JWT, cfg: CallbackConfig, nowSeconds = Date.now() / 1000): Promise<JWT> {
  // Throwing makes next-auth clear the cookie: the user is signed out.
  if (!token.sessionExpiresAt || token.sessionExpiresAt <= nowSeconds)
    throw new SessionEndedError("The session has expired.");
  if (!(await sessionStillValid(token.sid))) throw new SessionEndedError("The session was signed out.");
  if (cfg.backendAuth !== "forward") return token;
  if (!token.accessToken) throw new SessionEndedError("The session holds no access token to forward.");
  const fresh = await ensureFreshTokens(
    {
      accessToken: token.accessToken,
      refreshToken: token.refreshToken,
      accessTokenExpiresAt: token.accessTokenExpiresAt,
    },
    cfg,
  );
  return { ...token, ...fresh };
}

/** The browser's view of the session: name, email and roles (plus next-auth's `expires`). */
export function sessionFromToken(token: JWT): Session {
  const email = typeof token.email === "string" ? token.email : "";
  return {
    user: {
      name: typeof token.name === "string" && token.name !== "" ? token.name : email,
      email,
      roles: (token.roles ?? []).filter(isRole),
    },
    expires: new Date((token.sessionExpiresAt ?? 0) * 1000).toISOString(),
  };
}
