/*
 * The contract's plain rules (limits, patterns, lists) with no schema library behind them, so browser
 * code can check a value against the contract without shipping zod. The schemas in this folder build
 * on these; nothing here is defined twice.
 */

/** ISO 8601 with the KST offset the backend always stores (`2025-12-07T12:00:00+09:00`). */
export const KST_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?\+09:00$/;
/** Any ISO 8601 date-time with an explicit offset or `Z`. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** Strict, padded standard Base64 (RFC 4648 §4); the empty string is valid (empty source). */
export const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Environment variable names as POSIX shells accept them. */
export const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const DEFAULT_RUNTIME = "Python 3.12";
export const MEMORY_MIN = 128;
export const MEMORY_MAX = 1024;
export const TIMEOUT_MIN = 1;
export const TIMEOUT_MAX = 900;
/** The methods offered and accepted: what a backend routes to a function (HEAD and OPTIONS are the HTTP server's own). */
export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
