import "server-only";
import { getToken, type JWT } from "next-auth/jwt";
import { sessionCookieConfig } from "./config";
import { sessionStillValid } from "./revocation";

/** Anything with getAll(): NextRequest.cookies in the proxy, `await cookies()` in server code. */
export interface CookieSource {
  getAll(): Array<{ name: string; value: string }>;
}

/**
 * Decrypts the session JWT from the request's cookies (joining next-auth's chunked cookies), or null.
 * Reads cookies only: getToken() would also accept a bearer token from the Authorization header, which
 * is not how this console's sessions travel. Also enforces the absolute session end, which the
 * cookie's own `exp` does not (next-auth slides it on every session read).
 */
export async function readSessionToken(cookies: CookieSource, nowSeconds = Date.now() / 1000): Promise<JWT | null> {
  const { secret, secure, cookieName } = sessionCookieConfig();
  const token = await getToken({ req: { cookies, headers: {} } as never, secret, secureCookie: secure, cookieName });
  if (!token || typeof token.sessionExpiresAt !== "number" || token.sessionExpiresAt <= nowSeconds) return null;
  // Signed out (here or on another replica): the cookie may be intact, the session is not.
  if (!(await sessionStillValid(token.sid))) return null;
  return token;
}
