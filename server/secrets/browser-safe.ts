import "server-only";
import { consoleSecrets } from "@/server/secrets/console-secrets";
import { containsSecret } from "@/server/secrets/secret-forms";
import { redactString, scrub } from "@/server/secrets/redact";

/** A string from an upstream payload (a Builder error quoting `docker login -p …`), safe to show. */
export function redactForBrowser(text: string): string;
export function redactForBrowser(text: string | null | undefined): string | null;
export function redactForBrowser(text: string | null | undefined): string | null {
  return text == null ? null : redactString(text, consoleSecrets());
}

/** Any JSON value from upstream: credential-like keys dropped, secret values blanked. */
export function scrubForBrowser(value: unknown): unknown {
  return scrub(value, consoleSecrets());
}

/** Whether a string carries one of the console's secrets in any form (an editable field that must not be saved over). */
export function carriesConsoleSecret(text: string): boolean {
  return containsSecret(text, consoleSecrets());
}

/**
 * A DTO with the console's secrets blanked in every string, keys included, and nothing dropped: for
 * objects whose fields the console named itself (a workspace, a task), unlike scrubForBrowser's
 * unnamed payloads.
 */
export function redactStrings<T>(value: T): T {
  return redactDeep(value, consoleSecrets(), 0) as T;
}

function redactDeep(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === "string") return redactString(value, secrets);
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[redactString(k, secrets)] = redactDeep(v, secrets, depth + 1);
  return out;
}
