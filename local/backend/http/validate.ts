import type { z } from "zod";
import { fromZodError } from "./errors";

/** Validates with a contract schema and returns its output; a failure is the spec's VALIDATION_ERROR. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, fallbackField = "body"): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw fromZodError(result.error, fallbackField);
  return result.data;
}
