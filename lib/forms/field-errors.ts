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

/**
 * A backend's field errors (the envelope's `details.field`, or the list in `details.fields`) keyed
 * like the form's fields. An array index after a field (`httpMethods.0`, from FastAPI's `loc`) names
 * the field itself: forms show one message per list, next to it.
 */
export function fieldErrorsFromDetails(details: Record<string, unknown> | undefined, message: string): FieldErrors {
  const out: FieldErrors = {};
  const add = (field: string, text: string) => {
    const key = field.replace(/(\.\d+)+$/, "") || "_form";
    const list = (out[key] ??= []);
    if (!list.includes(text)) list.push(text);
  };
  const fields = details?.fields;
  if (Array.isArray(fields)) {
    for (const f of fields as Array<{ field?: unknown; message?: unknown }>) {
      if (typeof f?.field === "string" && typeof f.message === "string") add(f.field, f.message);
    }
  } else if (typeof details?.field === "string") {
    add(details.field, message);
  }
  return out;
}
