import "server-only";
import { env } from "@/server/env";
import { logger } from "@/server/log/logger";
import { redactString, scrub } from "@/server/secrets/redact";
import { secretValues } from "@/server/secrets/registries";

/**
 * The console's own secrets, for blanking them in payloads relayed to a browser. A broken
 * REGISTRY_CREDENTIALS must not break every read of a task: fall back to the secrets env holds.
 */
function consoleSecrets(): string[] {
  try {
    return secretValues();
  } catch (err) {
    logger.warn({ err: err instanceof Error ? err.message : String(err) }, "registry credentials unreadable; redacting env secrets only");
    const e = env();
    return [e.BACKEND_TOKEN, e.OIDC_CLIENT_SECRET, e.NEXTAUTH_SECRET].filter((v): v is string => !!v);
  }
}

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
