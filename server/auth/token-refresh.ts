import "server-only";

/** The upstream OAuth tokens kept (encrypted) in the session JWT when BACKEND_AUTH=forward. */
export interface UpstreamTokens {
  accessToken: string;
  refreshToken?: string;
  /** Epoch seconds. */
  accessTokenExpiresAt?: number;
}

export interface RefreshClient {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

export class TokenRefreshError extends Error {
  override name = "TokenRefreshError";
}

/** Refresh this long before expiry, so a token never expires on its way to the backend. */
const REFRESH_MARGIN_SECONDS = 60;
const MAX_REMEMBERED = 5_000;

/**
 * Rotated-out refresh token → its successor. With rotation an IdP may revoke the whole grant when an old
 * refresh token is replayed; server components cannot rewrite the cookie, so requests still carrying the
 * old token pick the successor up here instead of refreshing again. Also merges concurrent refreshes.
 */
const successors = new Map<string, { tokens: Promise<UpstreamTokens>; forgetAt: number }>();

export function needsRefresh(tokens: UpstreamTokens, nowSeconds = Date.now() / 1000): boolean {
  return (
    tokens.accessTokenExpiresAt !== undefined && tokens.accessTokenExpiresAt - REFRESH_MARGIN_SECONDS <= nowSeconds
  );
}

/** Returns tokens whose access token is valid for at least the margin, refreshing (once) if needed. */
export async function ensureFreshTokens(tokens: UpstreamTokens, client: RefreshClient): Promise<UpstreamTokens> {
  let current = tokens;
  // Follow already known successors first (bounded: each hop must change the refresh token).
  for (let hops = 0; hops < 10 && needsRefresh(current) && current.refreshToken; hops++) {
    const known = successors.get(current.refreshToken);
    if (!known || known.forgetAt < Date.now()) break;
    current = await known.tokens;
  }
  if (!needsRefresh(current)) return current;
  const refreshToken = current.refreshToken;
  if (!refreshToken) throw new TokenRefreshError("The access token expired and the IdP issued no refresh token.");

  const pending = refresh(refreshToken, client);
  remember(refreshToken, pending);
  try {
    return await pending;
  } catch (error) {
    successors.delete(refreshToken);
    throw error;
  }
}

function remember(refreshToken: string, tokens: Promise<UpstreamTokens>): void {
  if (successors.size >= MAX_REMEMBERED) {
    const now = Date.now();
    for (const [key, value] of successors) if (value.forgetAt < now) successors.delete(key);
    // Still full: drop the oldest entries (Map keeps insertion order).
    for (const key of successors.keys()) {
      if (successors.size < MAX_REMEMBERED) break;
      successors.delete(key);
    }
  }
  successors.set(refreshToken, { tokens, forgetAt: Date.now() + 60 * 60 * 1000 });
}

async function refresh(refreshToken: string, client: RefreshClient): Promise<UpstreamTokens> {
  const { tokenEndpoint, basicAuth } = await discover(client.issuer);
  const body = new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken });
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  if (basicAuth) {
    // RFC 6749 §2.3.1: form-encode id and secret before base64.
    const pair = `${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString("base64")}`;
  } else {
    body.set("client_id", client.clientId);
    body.set("client_secret", client.clientSecret);
  }
  const response = await fetch(tokenEndpoint, { method: "POST", headers, body, signal: AbortSignal.timeout(10_000) });
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok || typeof json.access_token !== "string") {
    // Only the OAuth error code: descriptions may echo request data.
    throw new TokenRefreshError(
      `Token refresh failed (${response.status} ${String(json.error ?? "invalid response")}).`,
    );
  }
  const expiresIn = Number(json.expires_in);
  return {
    accessToken: json.access_token,
    // An IdP that does not rotate returns no new refresh token: keep using the old one.
    refreshToken: typeof json.refresh_token === "string" ? json.refresh_token : refreshToken,
    accessTokenExpiresAt: Number.isFinite(expiresIn) ? Math.floor(Date.now() / 1000 + expiresIn) : undefined,
  };
}

const discoveries = new Map<string, Promise<{ tokenEndpoint: string; basicAuth: boolean }>>();

function discover(issuer: string): Promise<{ tokenEndpoint: string; basicAuth: boolean }> {
  let found = discoveries.get(issuer);
  if (!found) {
    found = (async () => {
      const url = `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`;
      const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new TokenRefreshError(`OIDC discovery failed (${response.status}).`);
      const meta = (await response.json()) as {
        token_endpoint?: unknown;
        token_endpoint_auth_methods_supported?: unknown;
      };
      if (typeof meta.token_endpoint !== "string") throw new TokenRefreshError("OIDC discovery has no token_endpoint.");
      const methods = Array.isArray(meta.token_endpoint_auth_methods_supported)
        ? meta.token_endpoint_auth_methods_supported
        : [];
      // client_secret_basic is the spec default when the IdP lists nothing.
      return {
        tokenEndpoint: meta.token_endpoint,
        basicAuth: methods.length === 0 || methods.includes("client_secret_basic"),
      };
    })();
    found.catch(() => discoveries.delete(issuer));
    discoveries.set(issuer, found);
  }
  return found;
}
