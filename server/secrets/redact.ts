import "server-only";

/** Keys whose values never leave the server, whatever object they sit in. */
const SENSITIVE_KEY = /pass(word|wd)?$|secret|token|authorization|credential|api[-_]?key|private[-_]?key/i;
export const REDACTED = "[redacted]";

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

/** Replaces every occurrence of each secret value inside a string. Short values are skipped: too common to mean anything. */
export function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * A deep copy with sensitive keys dropped and known secret values blanked inside strings: the last
 * line of defence for payloads relayed to a browser or a log (error details, task payloads).
 */
export function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (depth > 32) return REDACTED;
  if (typeof value === "string") return redactString(value, secrets);
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!isSensitiveKey(k)) out[k] = scrub(v, secrets, depth + 1);
    return out;
  }
  return value;
}
