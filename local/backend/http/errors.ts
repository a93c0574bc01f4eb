import type { ZodError } from "zod";

/** An error that already knows its HTTP status and envelope code; anything else becomes a 500. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> | null = null,
  ) {
    super(message);
  }
}

export type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> | null } };

export function envelope(code: string, message: string, details: Record<string, unknown> | null = null): ErrorBody {
  return { error: { code, message, details } };
}

export const notFound = (what: string, id: string) => new ApiError(404, "NOT_FOUND", `${what} ${id} not found`, { id });

export function validationError(field: string, message: string, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError(400, "VALIDATION_ERROR", message, { field, ...extra });
}

/**
 * Turns a zod failure into the spec's VALIDATION_ERROR. `details.field` names the top-level
 * request field (what a form highlights); `details.issues` keeps every problem for developers.
 */
export function fromZodError(error: ZodError, fallbackField = "body"): ApiError {
  const issues = error.issues.map((issue) => {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const path = issue.path.length > 0 ? issue.path.map(String) : keys.slice(0, 1);
    return { field: path[0] ?? fallbackField, path: path.join("."), message: issue.message };
  });
  const first = issues[0] ?? { field: fallbackField, path: fallbackField, message: "invalid request" };
  return validationError(first.field, `${first.path || first.field}: ${first.message}`, { issues });
}
