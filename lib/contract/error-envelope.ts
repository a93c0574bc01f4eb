/**
 * The contract's error envelope, `{error: {code, message, details?, requestId?}}`, checked without a
 * schema library: the browser's error parser reads every failed response with it, so it ships on every
 * page. `errorEnvelope` (common.ts) is the zod schema of the same check for the server and the tests.
 */
export type ErrorEnvelope = {
  error: { code: string; message: string; details?: Record<string, unknown> | null; requestId?: string };
};

/** A JSON object (not null, not an array): what the envelope and the error parser look inside. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (!isRecord(value) || !isRecord(value.error)) return false;
  const { code, message, details, requestId } = value.error;
  return (
    typeof code === "string" &&
    code.length > 0 &&
    typeof message === "string" &&
    (details === undefined || details === null || isRecord(details)) &&
    (requestId === undefined || typeof requestId === "string")
  );
}
