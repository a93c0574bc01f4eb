import "server-only";
import { cookies } from "next/headers";
import { env } from "@/server/env";
import { authConfig } from "./config";
import { AuthError } from "./errors";
import { requireUser } from "./session";
import { readSessionToken } from "./token";
import { ensureFreshTokens, TokenRefreshError } from "./token-refresh";

/**
 * Headers that tell the backend who is calling, for the current request's user. Throws AuthError(401)
 * without a session (or when forwarded tokens can no longer be refreshed).
 *
 * - BACKEND_AUTH=service: the console's own BACKEND_TOKEN (when set) plus the user's identity and
 *   roles, which the backend trusts because only the console holds the token.
 * - BACKEND_AUTH=forward: the user's own OIDC access token, read from the encrypted session cookie and
 *   refreshed shortly before it expires. It never reaches the browser.
 */
export async function upstreamIdentityHeaders(): Promise<Record<string, string>> {
  const e = env();
  if (e.BACKEND_AUTH === "forward") return forwardedTokenHeaders();

  const user = await requireUser();
  const headers: Record<string, string> = {
    "x-eunha-user": user.email || user.id,
    "x-eunha-roles": user.roles.join(","),
  };
  if (e.BACKEND_TOKEN) headers.authorization = `Bearer ${e.BACKEND_TOKEN}`;
  return headers;
}

async function forwardedTokenHeaders(): Promise<Record<string, string>> {
  await requireUser(); // same session rules (absolute end, a mapped role) as everywhere else
  const token = await readSessionToken(await cookies());
  if (!token?.accessToken) throw new AuthError("UNAUTHENTICATED");
  try {
    // A refreshed token is written back to the cookie by next-auth at the next /api/auth/session read
    // (SessionProvider polls); until then ensureFreshTokens() remembers the successor in memory.
    const fresh = await ensureFreshTokens(
      {
        accessToken: token.accessToken,
        refreshToken: token.refreshToken,
        accessTokenExpiresAt: token.accessTokenExpiresAt,
      },
      authConfig(),
    );
    return { authorization: `Bearer ${fresh.accessToken}` };
  } catch (error) {
    if (error instanceof TokenRefreshError)
      throw new AuthError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    throw error;
  }
}
