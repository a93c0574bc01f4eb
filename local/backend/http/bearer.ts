import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { envelope } from "./errors";
import type { Reply } from "./router";

/** What the credential guards: the API and the admin switches. `/fn`, `/apps` and `/health` stay open, as on a cluster. */
export const GUARDED_PREFIXES = ["/api/", "/__admin/"];

const same = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** null when the request carries `Authorization: Bearer <token>` or needs none; the 401 otherwise. */
export function bearerRefusal(req: IncomingMessage, pathname: string, token: string): Reply | null {
  if (!GUARDED_PREFIXES.some((p) => pathname.startsWith(p) || `${pathname}/` === p)) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  if (match && same(match[1]!, token)) return null;
  const message = match
    ? "the bearer token is not valid for this backend"
    : "this backend needs `Authorization: Bearer <token>` (BACKEND_TOKEN)";
  return {
    status: 401,
    headers: { "www-authenticate": 'Bearer realm="eunha-backend"' },
    json: envelope("UNAUTHORIZED", message),
  };
}
