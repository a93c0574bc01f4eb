import "server-only";
import { decode, getToken, type JWT } from "next-auth/jwt";
import { sessionCookieConfig } from "./config";
import { Lru } from "./lru";
import { sessionStillValid } from "./revocation";

/** Anything with getAll(): NextRequest.cookies in the proxy, `await cookies()` in server code. */
export interface CookieSource {
  getAll(): Array<{ name: string; value: string }>;
}

/**
 * Decrypted session cookies by value. Decrypting costs a key derivation (HKDF) and a JWE decryption on
 * every request, several times per request (the wrapper, the data function, the identity headers);
 * the same cookie value always decrypts to the same token, so each value is decrypted once. Bounded:
 * 1,000 signed-in browsers at once fit, and an attacker's junk cookies only evict each other.
 * Expiry is checked again on every read, so a cached token ends exactly when the cookie would.
 */
const decrypted = new Lru<string, JWT | null>(1_000);
let cachedFor: string | undefined;

async function decryptOnce(value: string, secret: string): Promise<JWT | null> {
  if (cachedFor !== secret) {
    decrypted.clear(); // another secret (tests): nothing decrypted with the old one is valid
    cachedFor = secret;
  }
  const hit = decrypted.get(value);
  if (hit !== undefined) return hit;
  let token: JWT | null;
  try {
    token = await decode({ token: value, secret });
  } catch {
    token = null;
  }
  decrypted.set(value, token);
  return token;
}

/**
 * Decrypts the session JWT from the request's cookies (joining next-auth's chunked cookies), or null.
 * Reads cookies only: getToken() would also accept a bearer token from the Authorization header, which
 * is not how this console's sessions travel. Also enforces the absolute session end, which the
 * cookie's own `exp` does not (next-auth slides it on every session read).
 */
export async function readSessionToken(cookies: CookieSource, nowSeconds = Date.now() / 1000): Promise<JWT | null> {
  const { secret, secure, cookieName } = sessionCookieConfig();
  // raw: next-auth's own chunk joining, without decrypting.
  const value = (await getToken({
    req: { cookies, headers: {} } as never,
    secret,
    secureCookie: secure,
    cookieName,
    raw: true,
  })) as string | null;
  if (!value) return null;
  const token = await decryptOnce(value, secret);
  if (!token || (typeof token.exp === "number" && token.exp <= nowSeconds)) return null;
  if (typeof token.sessionExpiresAt !== "number" || token.sessionExpiresAt <= nowSeconds) return null;
  // Signed out (here or on another replica): the cookie may be intact, the session is not.
  if (!(await sessionStillValid(token.sid))) return null;
  return token;
}
