import "server-only";
import { isIP } from "node:net";
import { env } from "@/server/env";
import { RequestValidationError } from "@/server/http/validation";

/*
 * A function's invocationUrl is where the backend POSTs an invoke, and invoke relays the answer: left
 * open, it lets a developer make the backend call the backend itself, the IdP, cloud metadata
 * (169.254.169.254) or anything else on the private network, and read the answer. Only http(s) URLs to
 * public hosts pass, plus the exact scheme://host:port/path-prefix entries of INVOCATION_URL_ALLOW.
 * Names are not resolved here (the backend must still refuse what a name resolves to: DNS rebinding).
 */

export type AllowEntry = { protocol: string; host: string; port: string; pathPrefix: string };

/** `http://127.0.0.1:8000/fn/` → its parts; the port is always explicit (the scheme's default when absent). */
export function parseAllowList(raw: string | undefined): AllowEntry[] {
  if (!raw) return [];
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = new URL(entry);
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new Error(`INVOCATION_URL_ALLOW: ${entry} is not an http(s) URL`);
      return {
        protocol: url.protocol,
        host: url.hostname,
        port: portOf(url),
        pathPrefix: url.pathname.replace(/\/+$/, ""),
      };
    });
}

function portOf(url: URL): string {
  return url.port || (url.protocol === "https:" ? "443" : "80");
}

function allowed(url: URL, entries: AllowEntry[]): boolean {
  return entries.some(
    (e) =>
      e.protocol === url.protocol &&
      e.host === url.hostname &&
      e.port === portOf(url) &&
      (e.pathPrefix === "" || url.pathname === e.pathPrefix || url.pathname.startsWith(`${e.pathPrefix}/`)),
  );
}

/** 10/8, 172.16/12, 192.168/16, loopback, link-local, CGNAT, "this network", multicast and reserved. */
function privateIPv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split(".").map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 192 && b === 0) ||
    (a === 198 && (b === 18 || b === 19))
  );
}

function privateIPv6(ip: string): boolean {
  const v = ip.toLowerCase();
  if (v === "::" || v === "::1") return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(v);
  if (mapped) return privateIPv4(mapped[1]!);
  // ::ffff:7f00:1 (the URL parser's hex form of a mapped IPv4 address), NAT64 and IPv4-compatible forms.
  if (
    /^::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(v) ||
    v.startsWith("64:ff9b:") ||
    /^::[0-9a-f]{1,4}:[0-9a-f]{1,4}$/.test(v)
  )
    return true;
  return /^f[cd]/.test(v) || /^fe[89ab]/.test(v) || v.startsWith("ff");
}

/** Hosts of the console's own peers: the backend's API, the IdP and the console itself. */
function peerHosts(): Set<string> {
  const e = env();
  const urls = [e.BACKEND_URL, e.OIDC_ISSUER, e.EMBEDDED_IDP_URL, e.NEXTAUTH_URL].filter((u): u is string => !!u);
  return new Set(urls.flatMap((u) => (URL.canParse(u) ? [new URL(u).hostname] : [])));
}

/** Why `raw` may not be an invocationUrl, or null when it may. Scheme-less input gets http:// as the backend does. */
export function invocationUrlProblem(raw: string): string | null {
  const text = raw.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  if (!URL.canParse(withScheme)) return "is not a valid URL";
  const url = new URL(withScheme);
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http:// or https:// URL";
  if (url.username || url.password) return "must not carry a user name or password";
  if (allowed(url, parseAllowList(env().INVOCATION_URL_ALLOW))) return null;
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "");
  const version = isIP(host);
  if (host === "localhost" || host.endsWith(".localhost")) return "must not point at localhost";
  if ((version === 4 && privateIPv4(host)) || (version === 6 && privateIPv6(host))) {
    return "must not point at a loopback, link-local or private address";
  }
  if (peerHosts().has(url.hostname))
    return "must not point at the platform's own backend, identity provider or console";
  return null;
}

/** Throws 400 VALIDATION_ERROR on `invocationUrl` when the URL is refused. */
export function assertInvocationUrl(raw: string | null | undefined): void {
  if (raw === null || raw === undefined || raw.trim() === "") return;
  const problem = invocationUrlProblem(raw);
  if (problem) throw new RequestValidationError([{ field: "invocationUrl", message: problem }]);
}
