import { randomBytes } from "node:crypto";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Short, URL-safe, lower-case ids with the resource prefix the real backend uses (`ws-…`, `fn-…`). */
export function newId(prefix: "ws" | "fn" | "log" | "run" | "task" | "wasm", length = 10): string {
  const bytes = randomBytes(length);
  let out = "";
  for (const b of bytes) out += ALPHABET[b % ALPHABET.length];
  return `${prefix}-${out}`;
}
