/**
 * The one error type of the console, and the one parser that turns any error response into it:
 * our envelope, FastAPI's `{detail}` shapes, plain text, proxy HTML and empty bodies.
 * Isomorphic: the browser's fetcher and the BFF's upstream client both use it.
 */
import { isErrorEnvelope, isRecord, type ErrorEnvelope } from "@/lib/contract/error-envelope";
import { codeForStatus, genericMessage, type ErrorCode } from "./error-codes";
import { readTextCapped } from "./read-text";

export type ApiErrorDetails = Record<string, unknown>;
export type ApiErrorInit = {
  status: number;
  code: ErrorCode;
  message: string;
  details?: ApiErrorDetails;
  requestId?: string;
  cause?: unknown;
};
export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: ApiErrorDetails | undefined;
  readonly requestId: string | undefined;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.requestId = init.requestId;
  }
}

/** `instanceof` fails across bundles (server and client chunks each load a copy), so the shape counts too. */
export function isApiError(value: unknown): value is ApiError {
  if (value instanceof ApiError) return true;
  if (!(value instanceof Error) || value.name !== "ApiError") return false;
  const v = value as Partial<ApiError>;
  return typeof v.status === "number" && typeof v.code === "string";
}

/** The wire shape every BFF error takes. */
export function toEnvelope(err: ApiError): ErrorEnvelope {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.details ? { details: err.details } : {}),
      ...(err.requestId ? { requestId: err.requestId } : {}),
    },
  };
}

/** Error pages beyond this are not worth reading; the message is cut much shorter anyway. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;
const MAX_MESSAGE = 500;
const MAX_FIELDS = 50;
const LOCATION_PREFIXES = new Set(["body", "query", "path", "header", "cookie"]);

/** Reads at most MAX_ERROR_BODY_BYTES of an error response and parses it. Never throws. */
export async function apiErrorFromResponse(res: Response, fallbackRequestId?: string): Promise<ApiError> {
  const requestId = res.headers.get("x-request-id") ?? fallbackRequestId ?? null;
  let text = "";
  try {
    text = (await readTextCapped(res, MAX_ERROR_BODY_BYTES)).text;
  } catch {
    // A body that breaks off mid-read still leaves the status to report.
  }
  return parseErrorBody(res.status, res.headers.get("content-type"), text, requestId);
}

/** Turns any error body into an ApiError. Pure, so every shape is tested as a table. */
export function parseErrorBody(
  status: number,
  contentType: string | null,
  bodyText: string,
  requestId?: string | null,
): ApiError {
  const ctx = { status, requestId: requestId ?? undefined };
  const body = bodyText.slice(0, MAX_ERROR_BODY_BYTES).trim();
  const type = (contentType ?? "").toLowerCase();
  if (body === "" || type.includes("html") || looksLikeHtml(body)) return generic(ctx);

  const isJsonType = type.includes("json");
  if (isJsonType || /^[[{"]/.test(body)) {
    const parsed = tryParseJson(body);
    if (parsed.ok) return fromJson(ctx, parsed.value);
    if (isJsonType) return generic(ctx);
  }
  // Plain-text 5xx come from proxies or tracebacks: nothing a user should read.
  if (status >= 500) return generic(ctx);
  return withMessage(ctx, codeForStatus(status), body);
}

type Ctx = { status: number; requestId: string | undefined };

function fromJson(ctx: Ctx, value: unknown): ApiError {
  if (isErrorEnvelope(value)) {
    const e = value.error;
    return withMessage({ ...ctx, requestId: e.requestId ?? ctx.requestId }, e.code, e.message, e.details ?? undefined);
  }
  if (typeof value === "string")
    return ctx.status >= 500 ? generic(ctx) : withMessage(ctx, codeForStatus(ctx.status), value);
  if (!isRecord(value)) return generic(ctx);

  const detail = value.detail;
  if (typeof detail === "string") return withMessage(ctx, codeForStatus(ctx.status), detail);
  if (Array.isArray(detail)) return fromValidationList(ctx, detail);
  // FastAPI's HTTPException(detail={...}) and other services' `{message, code?}` / `{error: "..."}`.
  const inner = isRecord(detail) ? detail : value;
  const message =
    typeof inner.message === "string" ? inner.message : typeof value.error === "string" ? value.error : undefined;
  const code =
    typeof inner.code === "string" && /^[A-Z][A-Z0-9_]*$/.test(inner.code) ? inner.code : codeForStatus(ctx.status);
  return message === undefined ? generic(ctx, code) : withMessage(ctx, code, message);
}

/** FastAPI's 422 list: `[{loc: ["body", "memory"], msg, type}]`. `input` is never copied: it may hold secrets. */
function fromValidationList(ctx: Ctx, list: unknown[]): ApiError {
  const fields: FieldError[] = [];
  for (const item of list) {
    if (!isRecord(item) || typeof item.msg !== "string") continue;
    // A JSON syntax error's loc is ["body", <byte offset>]: the offset is no field.
    const field = item.type === "json_invalid" ? "body" : locToField(item.loc);
    fields.push({ field, message: clean(item.msg) });
    if (fields.length === MAX_FIELDS) break;
  }
  const first = fields[0];
  if (!first) return generic(ctx, "VALIDATION_ERROR");
  const more = list.length > 1 ? ` (and ${list.length - 1} more)` : "";
  const message = first.field ? `${first.field}: ${first.message}${more}` : `${first.message}${more}`;
  return withMessage(ctx, "VALIDATION_ERROR", message, { field: first.field, fields });
}

/** `["body", "environmentVariables", "KEY"]` → `environmentVariables.KEY`; a bare `["body"]` stays `body`. */
function locToField(loc: unknown): string {
  if (!Array.isArray(loc)) return "";
  const parts = loc.filter((p) => typeof p === "string" || typeof p === "number").map(String);
  if (parts.length > 1 && LOCATION_PREFIXES.has(parts[0] ?? "")) parts.shift();
  return parts.join(".");
}

function withMessage(ctx: Ctx, code: string, message: string, details?: ApiErrorDetails): ApiError {
  const text = clean(message);
  if (text === "" || looksLikeHtml(text)) return generic(ctx, code, details);
  return new ApiError({ status: ctx.status, code, message: text, details, requestId: ctx.requestId });
}

function generic(ctx: Ctx, code: ErrorCode = codeForStatus(ctx.status), details?: ApiErrorDetails): ApiError {
  return new ApiError({
    status: ctx.status,
    code,
    message: genericMessage(ctx.status),
    details,
    requestId: ctx.requestId,
  });
}

/** One line, no control characters, bounded length: messages end up in toasts and logs. */
function clean(message: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = message.replace(/[\u0000-\u001f\u007f\s]+/g, " ").trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*<(!doctype|html|head|body|\?xml)\b/i.test(text) || /<\/(html|body|head|title|h1|div|p)>/i.test(text);
}

function tryParseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
