import type { ApiErrorDetails } from "./api-error";
import type { ErrorCode } from "./error-codes";

/**
 * A failure as the browser receives it, from a page read, a server action or (as the envelope) a route
 * handler: already safe to show. UI branches on `code`, never on `message`. `details` travel like any
 * envelope's (a code conflict's current version, the field a refusal names).
 */
export type Failure = {
  status: number;
  code: ErrorCode;
  message: string;
  details?: ApiErrorDetails;
  /** Messages per form field, for forms to show next to each input. */
  fieldErrors?: Record<string, string[]>;
  requestId?: string;
};

/** The one result type: what settle() gives a page and every server action answers. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: Failure };
