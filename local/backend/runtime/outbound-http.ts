/**
 * Outbound HTTP for sandboxed functions. The sandbox has no network of its own: a function's
 * `urllib.request` (and `spin_sdk.http.send`, built on it) hands each request to the backend, which
 * sends it only when `PLATFORM_FUNCTION_FETCH_ALLOW` names the destination, as Spin's
 * `allowed_outbound_hosts` does on a cluster. Redirects come back to the function unfollowed, so each
 * hop is checked again.
 */

/** One allowed destination: `[http://|https://]host[:port]`, host `*` or `*.domain`, port `*`. */
export type OutboundRule = { scheme: "http" | "https" | null; host: string; port: string | null };

const RULE = /^(?:(https?):\/\/)?(\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::(\*|\d{1,5}))?$/;

/** Parses the comma-separated list; throws with the offending entry when one is not a host pattern. */
export function parseOutboundRules(value: string | undefined): OutboundRule[] {
  if (!value?.trim()) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0)
    .map((entry) => {
      const m = RULE.exec(entry);
      if (!m || (m[3] && m[3] !== "*" && Number(m[3]) > 65_535))
        throw new Error(`"${entry}" is not a host pattern ([http://|https://]host[:port], host may be *.domain)`);
      return { scheme: (m[1] as "http" | "https" | undefined) ?? null, host: m[2]!, port: m[3] ?? null };
    });
}

const defaultPort = (scheme: string) => (scheme === "https:" ? "443" : "80");

/** Whether `url` may be fetched: http(s) only, no credentials in it, and a rule names its host and port. */
export function outboundAllowed(url: URL, rules: readonly OutboundRule[]): boolean {
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  const port = url.port || defaultPort(url.protocol);
  return rules.some((r) => {
    if (r.scheme && `${r.scheme}:` !== url.protocol) return false;
    if (r.port === null ? port !== defaultPort(url.protocol) : r.port !== "*" && r.port !== port) return false;
    if (r.host === "*") return true;
    if (r.host.startsWith("*.")) return host.endsWith(r.host.slice(1));
    return host === r.host;
  });
}

export type OutboundRequest = {
  method: string;
  url: string;
  headers: [string, string][];
  bodyB64: string;
  /** What is left of the function's timeout. */
  timeoutMs: number;
};
export type OutboundAnswer =
  | { ok: true; status: number; reason: string; headers: [string, string][]; bodyB64: string }
  | { ok: false; error: string };

/** Reads what a function wrote to the HTTP device; anything else than a well-formed request is refused. */
export function readOutboundRequest(text: unknown): OutboundRequest | string {
  let v: unknown;
  try {
    v = JSON.parse(String(text));
  } catch {
    return "the outbound request is not JSON";
  }
  const r = v as Partial<OutboundRequest> | null;
  const isPair = (h: unknown) =>
    Array.isArray(h) && h.length === 2 && typeof h[0] === "string" && typeof h[1] === "string";
  if (
    !r ||
    typeof r.method !== "string" ||
    !/^[A-Za-z]{1,16}$/.test(r.method) ||
    typeof r.url !== "string" ||
    !Array.isArray(r.headers) ||
    !r.headers.every(isPair) ||
    typeof r.bodyB64 !== "string" ||
    typeof r.timeoutMs !== "number"
  )
    return "the outbound request needs method, url, headers [[name, value]], bodyB64 and timeoutMs";
  return r as OutboundRequest;
}

/** The most a function may receive in one response: the same cap as its own response body. */
export const MAX_OUTBOUND_RESPONSE_BYTES = 6 * 1024 * 1024;
/** Headers the broker sets itself. */
const DROPPED_HEADERS = new Set(["host", "content-length", "connection", "transfer-encoding"]);

async function readCapped(res: Response, cap: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!res.body) return Buffer.alloc(0);
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > cap) return null;
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** Sends one function's request (the device's text) when the rules allow it, in its time left; never throws. */
export async function sendOutbound(text: unknown, rules: readonly OutboundRule[]): Promise<OutboundAnswer> {
  const req = readOutboundRequest(text);
  if (typeof req === "string") return { ok: false, error: req };
  const timeoutMs = Math.max(1, Math.min(req.timeoutMs, 900_000));
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return { ok: false, error: `"${req.url}" is not an absolute URL` };
  }
  if (!outboundAllowed(url, rules))
    return {
      ok: false,
      error:
        rules.length === 0
          ? `outbound HTTP is off on this platform (PLATFORM_FUNCTION_FETCH_ALLOW is empty): ${url.origin} refused`
          : `outbound HTTP to ${url.origin} is not allowed (PLATFORM_FUNCTION_FETCH_ALLOW does not name it)`,
    };
  const method = req.method.toUpperCase();
  const body = Buffer.from(req.bodyB64, "base64");
  try {
    const res = await fetch(url, {
      method,
      headers: req.headers.filter(([name]) => !DROPPED_HEADERS.has(name.toLowerCase())),
      body: method === "GET" || method === "HEAD" ? undefined : body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    const bytes = await readCapped(res, MAX_OUTBOUND_RESPONSE_BYTES);
    if (bytes === null)
      return { ok: false, error: `the response from ${url.origin} is over ${MAX_OUTBOUND_RESPONSE_BYTES} bytes` };
    return {
      ok: true,
      status: res.status,
      reason: res.statusText,
      headers: [...res.headers.entries()],
      bodyB64: bytes.toString("base64"),
    };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const reason =
      (err as Error).name === "TimeoutError"
        ? `no answer within ${timeoutMs} ms`
        : (cause?.code ?? cause?.message ?? (err as Error).message);
    return { ok: false, error: `${method} ${url.origin}${url.pathname} failed: ${reason}` };
  }
}
