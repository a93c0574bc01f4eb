import type { z } from "zod";

/** Field errors keyed like the server's (`memory`, `httpMethods`, `environmentVariables.KEY`, `_form`). */
export type FieldErrors = Record<string, string[]>;

/** A validation problem the UI can say in the user's language; `fallback` is the schema's own wording. */
export type IssueMessage = {
  key: "required" | "tooLong" | "min" | "max" | "wholeNumber" | "number" | "atLeastOne" | "invalid";
  values?: Record<string, number>;
  fallback: string;
};

/** Maps a zod issue to a message key; the schema's English text stays available as a fallback. */
export function describeIssue(issue: z.core.$ZodIssue): IssueMessage {
  const fallback = issue.message;
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return { key: "required", fallback };
      if (issue.origin === "array") return { key: "atLeastOne", fallback };
      return { key: "min", values: { min: Number(issue.minimum) }, fallback };
    case "too_big":
      if (issue.origin === "string") return { key: "tooLong", values: { max: Number(issue.maximum) }, fallback };
      return { key: "max", values: { max: Number(issue.maximum) }, fallback };
    case "invalid_type":
      return { key: issue.expected === "int" ? "wholeNumber" : "number", fallback };
    default:
      return { key: "invalid", fallback };
  }
}

/**
 * The same field keys the server's `parseInput` produces, so client-side and server-side errors land
 * next to the same fields. `say` turns each issue into text in the user's language.
 */
export function toFieldErrors(error: z.ZodError, say: (issue: IssueMessage) => string): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "_form";
    const list = (out[field] ??= []);
    const text = say(describeIssue(issue));
    if (!list.includes(text)) list.push(text);
  }
  return out;
}

/** Errors for one field, or undefined so inputs render as valid. */
export function errorsFor(errors: FieldErrors, field: string): string[] | undefined {
  const list = errors[field];
  return list && list.length > 0 ? list : undefined;
}
