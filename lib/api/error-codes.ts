/**
 * Error codes the console's envelope uses, and the code implied by a bare HTTP status
 * (for bodies that carry no code of their own: FastAPI's `{detail}`, plain text, HTML, nothing).
 */
export const ERROR_CODES = [
  // Raised by the console itself
  "VALIDATION_ERROR",
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "INTERNAL_ERROR",
  "UPSTREAM_ERROR",
  "UPSTREAM_AUTH_ERROR",
  "UPSTREAM_UNAVAILABLE",
  "UPSTREAM_TIMEOUT",
  "UPSTREAM_CONTRACT_ERROR",
  "NETWORK_ERROR",
  "INVALID_RESPONSE",
  /** A field was shown redacted (it quotes a console secret) and cannot be saved over. */
  "REDACTED_FIELD",
  /** The function is disabled: invoke is refused before anything runs. */
  "FUNCTION_DISABLED",
  /** The browser left (the Test tab closed mid-run) and the backend call was cancelled. */
  "CLIENT_CLOSED_REQUEST",
  "METHOD_NOT_ALLOWED",
  /** The backend's answer was larger than UPSTREAM_MAX_MB. */
  "UPSTREAM_TOO_LARGE",
  // Named by the spec's observability answers, which the UI tells apart
  "LOKI_ERROR",
  "LOKI_CONNECTION_ERROR",
  "PROMETHEUS_ERROR",
  "PROMETHEUS_CONNECTION_ERROR",
] as const;
/** A code the console raises or branches on. Compare codes only against these (tests/unit/error-codes.test.ts checks). */
export type KnownErrorCode = (typeof ERROR_CODES)[number];
/**
 * The code of any failure: a known one, or whatever `*_ERROR` a backend sent (the spec leaves the
 * list open), relayed as it is. The `string & {}` keeps editor completion for the known ones.
 */
export type ErrorCode = KnownErrorCode | (string & {});

export function isKnownErrorCode(code: string): code is KnownErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

const CODE_BY_STATUS: Record<number, KnownErrorCode> = {
  400: "VALIDATION_ERROR",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  413: "PAYLOAD_TOO_LARGE",
  422: "VALIDATION_ERROR",
  429: "RATE_LIMITED",
  502: "UPSTREAM_ERROR",
  503: "UPSTREAM_UNAVAILABLE",
  504: "UPSTREAM_TIMEOUT",
};

/** The code a status implies; unknown 4xx fall back to the nearest meaning, every other 5xx is internal. */
export function codeForStatus(status: number): KnownErrorCode {
  const known = CODE_BY_STATUS[status];
  if (known) return known;
  if (status >= 400 && status < 500) return "BAD_REQUEST";
  return "INTERNAL_ERROR";
}

const REASON: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  413: "Content Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** A message that says only what the status says: used whenever the body cannot be shown. */
export function genericMessage(status: number): string {
  const reason = REASON[status];
  return reason ? `The backend answered ${status} ${reason}.` : `The backend answered with status ${status}.`;
}
