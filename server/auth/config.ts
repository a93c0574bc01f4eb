import "server-only";
import { env } from "@/server/env";
import { parseRoleMap, type Role } from "./policy";

/** A signed-in session lasts at most this long (absolute, counted from sign-in). */
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Used only outside production so `npm run dev` works without setup; production must set its own. */
const DEVELOPMENT_SECRET = "eunha-console-development-only-secret-do-not-use-in-production";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export interface SessionCookieConfig {
  /** Key material for the encrypted session JWT; the proxy and next-auth must use the same one. */
  secret: string;
  secure: boolean;
  cookieName: string;
}

export interface AuthConfig extends SessionCookieConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  roleMap: ReadonlyMap<string, Role>;
  backendAuth: "service" | "forward";
  /** The console's public origin (NEXTAUTH_URL), for absolute redirects. */
  baseUrl: string;
  sessionMaxAgeSeconds: number;
}

/**
 * Secure cookies whenever the console is served over https, and in production on any host but
 * loopback: there a plain-http NEXTAUTH_URL is a misconfiguration, and the embedded stack's
 * `npm start` on http://127.0.0.1 must still work.
 */
export function wantsSecureCookies(baseUrl: string, production: boolean): boolean {
  const url = new URL(baseUrl);
  return url.protocol === "https:" || (production && !LOOPBACK_HOSTS.has(url.hostname));
}

export function sessionCookieName(secure: boolean): string {
  // next-auth's own default names, so its handler, getToken() and ours agree.
  return secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export function sessionCookieConfig(): SessionCookieConfig {
  const e = env();
  const production = e.NODE_ENV === "production";
  const secret = e.NEXTAUTH_SECRET ?? (production ? undefined : DEVELOPMENT_SECRET);
  if (!secret) throw new Error("NEXTAUTH_SECRET must be set in production (e.g. `openssl rand -base64 32`).");
  const secure = wantsSecureCookies(e.NEXTAUTH_URL, production);
  return { secret, secure, cookieName: sessionCookieName(secure) };
}

/** Why sign-in cannot work with this configuration, or null; shown on the sign-in page. */
export function ssoConfigurationProblem(): string | null {
  const e = env();
  const missing = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).filter((k) => !e[k]);
  if (missing.length > 0) return `Single sign-on is not configured: set ${missing.join(", ")}.`;
  try {
    parseRoleMap(e.ROLE_MAP);
    sessionCookieConfig();
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

/** Everything sign-in needs; throws the configuration problem when there is one. */
export function authConfig(): AuthConfig {
  const e = env();
  const problem = ssoConfigurationProblem();
  if (problem) throw new Error(problem);
  return {
    ...sessionCookieConfig(),
    issuer: e.OIDC_ISSUER!,
    clientId: e.OIDC_CLIENT_ID!,
    clientSecret: e.OIDC_CLIENT_SECRET!,
    scopes: e.OIDC_SCOPES,
    groupsClaim: e.OIDC_GROUPS_CLAIM,
    roleMap: parseRoleMap(e.ROLE_MAP),
    backendAuth: e.BACKEND_AUTH,
    baseUrl: e.NEXTAUTH_URL.replace(/\/$/, ""),
    sessionMaxAgeSeconds: SESSION_MAX_AGE_SECONDS,
  };
}
