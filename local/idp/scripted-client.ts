import { createHash, randomBytes } from "node:crypto";

/**
 * A scripted browser for the embedded IdP, for tests and tools that need a real login without one:
 * a cookie jar, redirects followed by hand, and the login form filled in.
 */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Remembers the Set-Cookie headers of a response (deletions included); paths are ignored. */
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq <= 0) continue;
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some(
        (a) =>
          /^\s*max-age=0\s*$/i.test(a) || (/^\s*expires=/i.test(a) && Date.parse(a.split("=")[1] ?? "") < Date.now()),
      );
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  all(): Record<string, string> {
    return Object.fromEntries(this.cookies);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** fetch without following redirects, sending and storing the jar's cookies. */
export async function fetchWithJar(jar: CookieJar, url: string | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (jar.header()) headers.set("cookie", jar.header());
  const response = await fetch(url, { ...init, headers, redirect: "manual" });
  jar.store(response);
  return response;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

export type LoginOutcome = { kind: "redirected"; location: URL } | { kind: "refused"; status: number; page: string };

/**
 * Follows an authorization request through the IdP: its redirects, its login form (posted with the
 * given credentials), until it sends the browser off to the client's redirect URI.
 */
export async function loginThroughIdp(
  jar: CookieJar,
  authorizeUrl: string | URL,
  credentials: { username: string; password: string },
): Promise<LoginOutcome> {
  const idpOrigin = new URL(authorizeUrl).origin;
  let url = new URL(authorizeUrl);
  for (let step = 0; step < 10; step++) {
    const response = await fetchWithJar(jar, url);
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url);
      if (url.origin !== idpOrigin) return { kind: "redirected", location: url };
      continue;
    }
    const page = await response.text();
    if (response.status !== 200 || !/\/interaction\/[^/]+$/.test(url.pathname))
      return { kind: "refused", status: response.status, page };
    const posted = await fetchWithJar(jar, `${url.href}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(credentials),
    });
    const next = posted.headers.get("location");
    if (!next) return { kind: "refused", status: posted.status, page: await posted.text() };
    url = new URL(next, url);
    if (url.origin !== idpOrigin) return { kind: "redirected", location: url };
  }
  throw new Error("too many redirects at the IdP");
}
