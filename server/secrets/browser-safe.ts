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
