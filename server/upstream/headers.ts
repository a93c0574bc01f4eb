import "server-only";

/**
 * The only request headers that may reach the backend. Everything else (cookies, the browser's
 * forwarding headers, hop-by-hop headers) is dropped, so a caller cannot leak a session by accident.
 * `authorization` is here for the service token or the user's access token that server code sets.
 */
const ALLOWED = new Set(["accept", "content-type", "x-eunha-user", "x-eunha-roles", "authorization"]);

export function buildUpstreamHeaders(
  extra: Record<string, string> | undefined,
  defaults: { accept: string; contentType?: string; requestId: string },
): { headers: Headers; dropped: string[] } {
  const headers = new Headers({ accept: defaults.accept });
  if (defaults.contentType) headers.set("content-type", defaults.contentType);
  const dropped: string[] = [];
  for (const [name, value] of Object.entries(extra ?? {})) {
    const key = name.toLowerCase();
    if (ALLOWED.has(key)) headers.set(key, value);
    else dropped.push(key);
  }
  // Set last so a caller's own x-request-id cannot disagree with the one we log.
  headers.set("x-request-id", defaults.requestId);
  return { headers, dropped };
}
