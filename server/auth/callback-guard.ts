import "server-only";
import { safeRedirectUrl } from "./redirects";

const CALLBACK_COOKIES = ["next-auth.callback-url", "__Secure-next-auth.callback-url"];

/** Whether `value` is somewhere sign-in or sign-out may send the browser: this console, nowhere else. */
function isSafeTarget(value: string, baseUrl: string): boolean {
  const resolved = safeRedirectUrl(value, baseUrl);
  return resolved !== baseUrl || value === baseUrl || value === "/" || value === `${baseUrl}/`;
}

/**
 * next-auth answers a callbackUrl it cannot parse (`\\evil.com`, in the query or in its
 * next-auth.callback-url cookie) with a 500 "server configuration" error. Such a request is the
 * client's fault: 400 in the envelope, and a tampered cookie is cleared so the next attempt works.
 */
export function refuseBadCallback(request: Request, baseUrl: string): Response | null {
  const query = new URL(request.url).searchParams.getAll("callbackUrl");
  const cookies = parseCookies(request.headers.get("cookie"));
  const badCookies = CALLBACK_COOKIES.filter((name) => cookies.has(name) && !isSafeTarget(cookies.get(name)!, baseUrl));
  const badQuery = query.length > 1 || query.some((v) => !isSafeTarget(v, baseUrl));
  if (!badQuery && badCookies.length === 0) return null;
  const res = Response.json(
    {
      error: {
        code: "VALIDATION_ERROR",
        message: "The callback URL must be a page of this console.",
        details: { field: badQuery ? "callbackUrl" : "next-auth.callback-url" },
      },
    },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
  for (const name of badCookies) {
    const secure = name.startsWith("__Secure-") ? "; Secure" : "";
    res.headers.append("set-cookie", `${name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
  }
  return res;
}

function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    try {
      value = decodeURIComponent(value);
    } catch {
      // a broken escape stays as sent, and fails the check below as the garbage it is
    }
    out.set(name, value);
  }
  return out;
}
