import "server-only";
import type { z } from "zod";

export type FieldIssue = { field: string; message: string };

/** Input that broke the contract: becomes 400 VALIDATION_ERROR with `details.field`. */
export class RequestValidationError extends Error {
  override name = "RequestValidationError";
  constructor(
    readonly issues: FieldIssue[],
    message = issues[0] ? `${issues[0].field || "request"}: ${issues[0].message}` : "The request is not valid.",
  ) {
    super(message);
  }

  get field(): string | undefined {
    return this.issues[0]?.field;
  }

  /** `{ memory: ["must be at least 128 MB"] }`, the shape forms render next to each field. */
  fieldErrors(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const { field, message } of this.issues) (out[field || "_form"] ??= []).push(message);
    return out;
  }
}

export function isRequestValidationError(err: unknown): err is RequestValidationError {
  return err instanceof RequestValidationError;
}

/** Parses with a contract schema; unknown keys name themselves as the failing field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.flatMap((issue): FieldIssue[] => {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: base ? `${base}.${key}` : key, message: "is not a known field" }));
    }
    return [{ field: base, message: issue.message }];
  });
  throw new RequestValidationError(issues);
}
