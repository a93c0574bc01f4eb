import "server-only";
import { ApiError } from "@/lib/api/api-error";

export type TransportFailure = { kind: "aborted" | "timeout" | "reset" | "unavailable"; cause: string };

/** Connection dropped after it was established: a stale keep-alive socket, or the peer restarting. */
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
/** The backend took the request but answered too slowly for undici's own limits. */
const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const RESET_MESSAGE = /socket hang up|other side closed|ECONNRESET/i;

/**
 * Names what went wrong with a fetch that produced no usable response. Node's fetch (undici) throws
 * `TypeError("fetch failed")` and hides the reason in `cause` (sometimes nested), and an expired
 * AbortSignal.timeout surfaces as a DOMException named TimeoutError.
 */
export function classifyFailure(err: unknown, timeout: AbortSignal, caller: AbortSignal | undefined): TransportFailure {
  if (caller?.aborted && !timeout.aborted) return { kind: "aborted", cause: "caller aborted" };
  if (timeout.aborted || errorName(err) === "TimeoutError") return { kind: "timeout", cause: "TimeoutError" };
  const chain = causeChain(err);
  const codes = chain.map((e) => e.code).filter((c): c is string => typeof c === "string");
  const cause = codes[0] ?? chain.map((e) => e.message).find(Boolean) ?? "unknown";
  if (codes.some((c) => TIMEOUT_CODES.has(c))) return { kind: "timeout", cause };
  if (codes.some((c) => RESET_CODES.has(c)) || chain.some((e) => RESET_MESSAGE.test(e.message ?? ""))) {
    return { kind: "reset", cause };
  }
  return { kind: "unavailable", cause };
}

/** The error a BFF caller sees for a transport failure; the raw cause stays in the server log. */
export function transportError(failure: TransportFailure, requestId: string): ApiError {
  if (failure.kind === "timeout") {
    return new ApiError({
      status: 504,
      code: "UPSTREAM_TIMEOUT",
      message: "The backend did not answer in time.",
      requestId,
    });
  }
  return new ApiError({
    status: 503,
    code: "UPSTREAM_UNAVAILABLE",
    message: "The backend cannot be reached right now.",
    requestId,
  });
}

type ErrorLike = { code?: unknown; message?: string };

function causeChain(err: unknown): ErrorLike[] {
  const chain: ErrorLike[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const e = current as ErrorLike & { cause?: unknown };
    chain.push({ code: e.code, message: typeof e.message === "string" ? e.message : undefined });
    current = e.cause;
  }
  return chain;
}

function errorName(err: unknown): string | undefined {
  return typeof err === "object" && err !== null && "name" in err ? String(err.name) : undefined;
}
