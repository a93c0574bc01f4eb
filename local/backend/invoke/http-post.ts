import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export type PostOutcome =
  | { kind: "response"; status: number; headers: Record<string, string>; body: Buffer }
  | { kind: "timeout" }
  | { kind: "unreachable"; message: string }
  | { kind: "failed"; message: string };

/** Errors that mean "nobody answered": the spec's 503 rather than a 500. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);

/**
 * POSTs a JSON payload and classifies what happened. node:http rather than fetch, so that a
 * 900-second function timeout is ours to enforce (undici has its own, shorter, header timeout).
 */
export function postJson(
  target: string,
  payload: Buffer | null,
  timeoutMs: number,
  shutdown?: AbortSignal,
): Promise<PostOutcome> {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return Promise.resolve({ kind: "failed", message: `invalid invocation URL: ${target}` });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return Promise.resolve({ kind: "failed", message: `unsupported invocation URL scheme: ${url.protocol}` });
  }
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;

  return new Promise((resolve) => {
    let settled = false;
    const done = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      shutdown?.removeEventListener("abort", onShutdown);
      resolve(outcome);
    };
    // The backend is stopping: give up at once rather than keep the process alive for the timeout.
    const onShutdown = () => {
      done({ kind: "failed", message: "the backend is shutting down" });
      req.destroy();
    };
    const headers: Record<string, string> = { accept: "application/json, */*" };
    if (payload) {
      headers["content-type"] = "application/json";
      headers["content-length"] = String(payload.length);
    }
    // A fresh connection per call: a pooled socket the peer just closed would look like a network error.
    const req = send(url, { method: "POST", headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          req.destroy();
          done({ kind: "failed", message: `the function's response exceeds ${MAX_RESPONSE_BYTES} bytes` });
        } else chunks.push(chunk);
      });
      res.on("end", () => {
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(", ") : v;
        done({ kind: "response", status: res.statusCode ?? 502, headers: flat, body: Buffer.concat(chunks) });
      });
      res.on("error", (err) =>
        done({ kind: "failed", message: `reading the function's response failed: ${err.message}` }),
      );
    });
    const timer = setTimeout(() => {
      done({ kind: "timeout" });
      req.destroy();
    }, timeoutMs);
    if (shutdown?.aborted) onShutdown();
    else shutdown?.addEventListener("abort", onShutdown, { once: true });
    req.on("error", (err: NodeJS.ErrnoException) => {
      const message = `POST ${url.origin}${url.pathname} failed: ${err.code ?? ""} ${err.message}`.replace(/\s+/g, " ");
      done(err.code && NETWORK_CODES.has(err.code) ? { kind: "unreachable", message } : { kind: "failed", message });
    });
    req.end(payload ?? undefined);
  });
}
