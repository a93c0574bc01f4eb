import "server-only";
import { env } from "@/server/env";
import { AuthError } from "@/server/auth/errors";

/**
 * Mutating route handlers accept only same-origin browser requests. Session cookies are SameSite=Lax,
 * which still lets a top-level cross-site form POST through; this closes that. Scripts that send no
 * Origin and no Sec-Fetch-Site (curl with a session cookie) are not browsers and cannot be forged into.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none")
    throw new AuthError("FORBIDDEN", "Cross-site requests are refused.");
  const origin = request.headers.get("origin");
  if (!origin) return;
  const allowed = new Set([new URL(env().NEXTAUTH_URL).origin, new URL(request.url).origin]);
  if (!allowed.has(origin)) throw new AuthError("FORBIDDEN", "Cross-site requests are refused.");
}
