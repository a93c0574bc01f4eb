import { z } from "zod";

// In the browser, zod must not probe for eval (`Function("")`): the pages' Content-Security-Policy
// forbids it, and the blocked probe is reported as a violation. Parsing works the same without it.
if (typeof window !== "undefined") z.config({ jitless: true });

/** ISO 8601 with the KST offset the backend always stores (`2025-12-07T12:00:00+09:00`). */
export const KST_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?\+09:00$/;
/** Any ISO 8601 date-time with an explicit offset or `Z`. */
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export const kstTimestamp = z.string().regex(KST_ISO, "must be an ISO 8601 time in KST (+09:00)");
export const isoTimestamp = z.string().regex(ISO_WITH_OFFSET, "must be an ISO 8601 time with an offset");

/** Strict, padded standard Base64 (RFC 4648 §4); the empty string is valid (empty source). */
export const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
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

export const errorEnvelope = z.object({
  error: z.object({
    code: z.string().min(1),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).nullish(),
    requestId: z.string().optional(),
  }),
});
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;
