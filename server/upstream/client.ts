import "server-only";
import type { z } from "zod";
import { ApiError, apiErrorFromResponse } from "@/lib/api/api-error";
import { readTextCapped } from "@/lib/api/read-text";
import { env } from "@/server/env";
import { logger } from "@/server/log/logger";
import { classifyFailure, transportError } from "./failure";
import { requestIdFrom } from "@/server/context/request-id";
import { buildUpstreamHeaders } from "./headers";
import { jsonTooDeep } from "@/server/http/json-depth";
import { readUpstreamText, upstreamTooLarge } from "./bounded-read";
import { assertSafePath } from "./path";

export type UpstreamMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type UpstreamRequest = {
  method: UpstreamMethod;
  /** Absolute path under BACKEND_URL, built with the path`` helper so segments are encoded. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  /** Sent as application/json. Use either `json` or `body`. */
  json?: unknown;
  /** Raw body (a streamed multipart upload); set its content-type in `headers`. */
  body?: BodyInit;
  /** Extra headers; only the allowlist in headers.ts is sent. */
  headers?: Record<string, string>;
  /** Defaults to BACKEND_TIMEOUT_MS; covers connecting, the retry and reading the body. */
  timeoutMs?: number;
  /** The incoming request's id, to follow one request across console and backend logs. */
  requestId?: string;
  signal?: AbortSignal;
  /**
   * upstream() only: the answer may be text as well as JSON (the Builder's scaffold YAML). A body whose
   * content type is not JSON is then validated by the schema as the string it is.
   */
  acceptText?: boolean;
};

export type PassthroughResponse = {
  status: number;
  contentType: string | null;
  bodyText: string;
  /** True when the body was longer than maxBytes and was cut. */
  truncated: boolean;
  requestId: string;
};

/** JSON from the backend, validated against the contract schema. `schema: null` for 204 answers. */
export async function upstream<S extends z.ZodType>(req: UpstreamRequest & { schema: S }): Promise<z.output<S>>;
export async function upstream(req: UpstreamRequest & { schema: null }): Promise<void>;
export async function upstream(req: UpstreamRequest & { schema: z.ZodType | null }): Promise<unknown> {
  const call = prepare(req, req.acceptText ? "application/json, text/*;q=0.9" : "application/json");
  const outcome = await exchange(call, async (res) =>
    res.ok
      ? { ok: true as const, ...(await readUpstreamText(res)) }
      : { ok: false as const, error: await apiErrorFromResponse(res, call.requestId) },
  );
  const { res, value } = outcome;
  if (isRedirect(res.status)) throw contractError(call, res.status, "unexpected redirect");
  if (!value.ok) {
    logUpstreamError({ method: call.method, path: call.path }, value.error);
    throw value.error;
  }
  if (value.tooLarge) {
    logger.warn(
      { method: call.method, path: call.path, requestId: call.requestId, status: res.status },
      "upstream answer over UPSTREAM_MAX_MB",
    );
    throw upstreamTooLarge(call.requestId);
  }
  if (req.schema === null) return undefined;
  if (jsonTooDeep(value.text)) throw contractError(call, res.status, "body nests deeper than the console accepts");

  let data: unknown = undefined;
  if (req.acceptText && !/json/i.test(res.headers.get("content-type") ?? "")) {
    data = value.text;
  } else if (value.text.trim() !== "") {
    try {
      data = JSON.parse(value.text);
    } catch {
      throw contractError(call, res.status, "body is not JSON", { contentType: res.headers.get("content-type") });
    }
  }
  const parsed = req.schema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 20)
      .map((i) => ({ path: i.path.join("."), code: i.code, message: i.message }));
    throw contractError(call, res.status, "body breaks the contract schema", { issues });
  }
  return parsed.data;
}

/**
 * Any answer, unvalidated, for responses the console relays as they are (a function's own output on
 * invoke, scaffold YAML). Transport failures still become 503/504 ApiErrors; every HTTP status,
 * the backend's error envelopes included, comes back to the caller to relay.
 */
export async function upstreamPassthrough(req: UpstreamRequest & { maxBytes?: number }): Promise<PassthroughResponse> {
  const call = prepare(req, "*/*");
  const maxBytes = req.maxBytes ?? 1024 * 1024;
  const { res, value } = await exchange(call, (r) => readTextCapped(r, maxBytes));
  return {
    status: res.status,
    contentType: res.headers.get("content-type"),
    bodyText: value.text,
    truncated: value.truncated,
    requestId: call.requestId,
  };
}

type Call = {
  method: UpstreamMethod;
  path: string;
  url: string;
  init: RequestInit;
  requestId: string;
  timeout: AbortSignal;
  /** Stops the timeout's timer once the exchange is over. */
  disarm: () => void;
  caller: AbortSignal | undefined;
};

function prepare(req: UpstreamRequest, accept: string): Call {
  assertSafePath(req.path);
  const { BACKEND_URL, BACKEND_TIMEOUT_MS } = env();
  // Joined as text: `new URL(path, base)` would drop a path prefix in BACKEND_URL.
  const url = new URL(BACKEND_URL.replace(/\/+$/, "") + req.path);
  for (const [key, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const requestId = requestIdFrom(req.requestId);
  const hasJson = req.json !== undefined;
  const { headers, dropped } = buildUpstreamHeaders(req.headers, {
    accept,
    contentType: hasJson ? "application/json" : undefined,
    requestId,
  });
  if (dropped.length > 0) logger.debug({ requestId, dropped }, "upstream: dropped headers outside the allowlist");

  const { signal: timeout, disarm } = deadline(req.timeoutMs ?? BACKEND_TIMEOUT_MS);
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers,
    body: hasJson ? JSON.stringify(req.json) : req.body,
    signal: req.signal ? AbortSignal.any([timeout, req.signal]) : timeout,
    // Redirects would carry our headers elsewhere; the backend has no reason to send one.
    redirect: "manual",
    // Keep Next's data cache away from per-user backend answers.
    cache: "no-store",
    // Node's fetch needs this to stream a request body (multipart uploads).
    ...(req.body !== undefined && !hasJson ? { duplex: "half" as const } : {}),
  };
  return {
    method: req.method,
    path: req.path,
    url: url.toString(),
    init,
    requestId,
    timeout,
    disarm,
    caller: req.signal,
  };
}

/**
 * Like AbortSignal.timeout(), but the timer is cleared as soon as the exchange ends. A timer that is
 * left to run keeps the async context it was created in (Next's request store, and with it the whole
 * request and response) alive for the full timeout: under load that is thousands of finished requests.
 */
function deadline(ms: number): { signal: AbortSignal; disarm: () => void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("The operation was aborted due to timeout", "TimeoutError")),
    ms,
  );
  return { signal: controller.signal, disarm: () => clearTimeout(timer) };
}

/**
 * One HTTP exchange, body read included (a reset or timeout can strike while reading). A GET whose
 * connection was reset is sent once more: that is a stale keep-alive socket, and GETs are idempotent.
 * Nothing else is retried: a timeout would only double the wait, and a POST may have taken effect.
 */
async function exchange<T>(call: Call, read: (res: Response) => Promise<T>): Promise<{ res: Response; value: T }> {
  try {
    return await attempts(call, read);
  } finally {
    call.disarm();
  }
}

async function attempts<T>(call: Call, read: (res: Response) => Promise<T>): Promise<{ res: Response; value: T }> {
  for (let attempt = 1; ; attempt++) {
    const started = performance.now();
    const base = { method: call.method, path: call.path, requestId: call.requestId, attempt };
    try {
      const res = await fetch(call.url, call.init);
      const value = await read(res);
      logger.debug({ ...base, status: res.status, durationMs: elapsed(started) }, "upstream call");
      return { res, value };
    } catch (err) {
      const failure = classifyFailure(err, call.timeout, call.caller);
      if (failure.kind === "aborted") throw call.caller?.reason ?? err;
      const retry = failure.kind === "reset" && call.method === "GET" && attempt === 1;
      logger.warn(
        { ...base, failure: failure.kind, cause: failure.cause, durationMs: elapsed(started), retry },
        "upstream call failed",
      );
      if (!retry) throw transportError(failure, call.requestId);
    }
  }
}

/**
 * The backend's own error answer, for an operator: a 5xx at warn level with the backend's status and
 * code (its message may quote user input, so it stays out); a 4xx is the caller's doing, at debug.
 */
export function logUpstreamError(where: { method: string; path: string }, err: ApiError): void {
  const line = { ...where, requestId: err.requestId, status: err.status, code: err.code };
  if (err.status >= 500) logger.warn(line, "upstream answered with a server error");
  else logger.debug(line, "upstream answered with an error");
}

/** A 2xx the console cannot use. The details go to the log only: callers and browsers get a plain 502. */
function contractError(call: Call, status: number, reason: string, extra: Record<string, unknown> = {}): ApiError {
  logger.warn(
    { method: call.method, path: call.path, requestId: call.requestId, status, reason, ...extra },
    "upstream contract violation",
  );
  return new ApiError({
    status: 502,
    code: "UPSTREAM_CONTRACT_ERROR",
    message: "The backend sent a response the console could not understand.",
    requestId: call.requestId,
  });
}

function isRedirect(status: number): boolean {
  return status >= 300 && status < 400;
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
