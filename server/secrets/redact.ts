import "server-only";
import { replaceSecrets } from "./secret-forms";

export const REDACTED = "[redacted]";

/*
 * Keys whose values never leave the server, whatever object they sit in. A key is split into words
 * (`registryPassword`, `AWS_SECRET_ACCESS_KEY`, `x-api-key`), so `auth` catches `auth` and `authMode`
 * but not `author`.
 */
const SENSITIVE_WORDS = new Set([
  "pw",
  "pwd",
  "pass",
  "passwd",
  "password",
  "passwords",
  "passphrase",
  "secret",
  "secrets",
  "token",
  "tokens",
  "auth",
  "authorization",
  "credential",
  "credentials",
  "cookie",
  "cookies",
  "session",
  "sessions",
  "apikey",
  "privatekey",
]);
const SENSITIVE_PAIRS = new Set(["access key", "secret key", "private key", "api key", "set cookie"]);

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "");
}

export function isSensitiveKey(key: string): boolean {
  const words = keyWords(key);
  for (let i = 0; i < words.length; i++) {
    if (SENSITIVE_WORDS.has(words[i]!)) return true;
    if (i > 0 && SENSITIVE_PAIRS.has(`${words[i - 1]} ${words[i]}`)) return true;
  }
  return false;
}

/** Replaces every occurrence of each secret inside a string, in every form secret-forms.ts knows. */
export function redactString(text: string, secrets: readonly string[]): string {
  return replaceSecrets(text, secrets, REDACTED);
}

/**
 * A deep copy with sensitive keys dropped and known secret values blanked inside strings (keys
 * included): the last line of defence for payloads relayed to a browser or a log.
 */
export function scrub(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (depth > 32) return REDACTED;
  if (typeof value === "string") return redactString(value, secrets);
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets, depth + 1));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      if (!isSensitiveKey(k)) out[redactString(k, secrets)] = scrub(v, secrets, depth + 1);
    return out;
  }
  return value;
}
