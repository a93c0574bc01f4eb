import { z } from "zod";
import { isErrorEnvelope, type ErrorEnvelope } from "./error-envelope";
import { BASE64, ISO_WITH_OFFSET, KST_ISO } from "./rules";

export type { ErrorEnvelope };

// In the browser, zod must not probe for eval (`Function("")`): the pages' Content-Security-Policy
// forbids it, and the blocked probe is reported as a violation. Parsing works the same without it.
if (typeof window !== "undefined") z.config({ jitless: true });

export const kstTimestamp = z.string().regex(KST_ISO, "must be an ISO 8601 time in KST (+09:00)");
export const isoTimestamp = z.string().regex(ISO_WITH_OFFSET, "must be an ISO 8601 time with an offset");

export const base64String = z.string().regex(BASE64, "must be valid Base64");

export const nonEmptyName = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters");

/** Optional text the backend may send as absent or null (FastAPI's `Optional[str] = None`). */
export const optionalText = z.string().nullish();

export const idParam = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._~-]+$/, "must be an id made of letters, digits, '-', '_', '.' or '~'");

export const limitParam = (fallback: number, max = 1000) =>
  z.coerce
    .number()
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(max, `must be at most ${max}`)
    .default(fallback);

export const errorEnvelope = z.custom<ErrorEnvelope>(isErrorEnvelope, {
  message: "must be the error envelope {error: {code, message, details?, requestId?}}",
});
