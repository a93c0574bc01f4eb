import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/server/env";
import { consoleSecrets } from "@/server/secrets/console-secrets";
import { isSensitiveKey, REDACTED, redactString } from "@/server/secrets/redact";

/**
 * Paths pino blanks before a line is written. A safety net only: code should not log secrets at all.
 * `*.x` reaches one level down (e.g. `{ body: { password } }`), so the common nesting is listed too.
 */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "token",
  "*.token",
  "accessToken",
  "*.accessToken",
  "secret",
  "*.secret",
  "clientSecret",
  "*.clientSecret",
  "credentials",
  "*.credentials",
  "authorization",
  "*.authorization",
  "cookie",
  "*.cookie",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  "req.headers.authorization",
  "req.headers.cookie",
  "environmentVariables",
  "*.environmentVariables",
];

function knownSecrets(): string[] {
  try {
    return consoleSecrets();
  } catch {
    return []; // an invalid environment is reported by env() itself; logging must go on
  }
}

/**
 * Every argument of a log call with the console's secrets blanked in every form (a backend error
 * message quoting the registry password, an Error's stack) and credential-like keys censored at any
 * depth. Errors become plain objects first, so their message and stack pass through here too.
 */
export function scrubLogValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (depth > 16) return REDACTED;
  if (typeof value === "string") return redactString(value, secrets);
  if (value instanceof Error) {
    // A copy of the same class (pino names its type), with message, stack and own fields scrubbed.
    const copy = Object.create(Object.getPrototypeOf(value) as object) as Error;
    for (const [k, v] of Object.entries(value))
      (copy as unknown as Record<string, unknown>)[k] = isSensitiveKey(k)
        ? REDACTED
        : scrubLogValue(v, secrets, depth + 1);
    Object.defineProperty(copy, "message", {
      value: redactString(value.message, secrets),
      enumerable: false,
      writable: true,
    });
    Object.defineProperty(copy, "stack", {
      value: value.stack === undefined ? undefined : redactString(value.stack, secrets),
      enumerable: false,
      writable: true,
    });
    return copy;
  }
  if (Array.isArray(value)) return value.map((v) => scrubLogValue(v, secrets, depth + 1));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = isSensitiveKey(k) ? REDACTED : scrubLogValue(v, secrets, depth + 1);
    return out;
  }
  return value;
}

/** JSON lines to stdout (or a given stream, for tests), tagged with the service name. */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: env().LOG_LEVEL,
    base: { service: "eunha-console" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    hooks: {
      logMethod(this: Logger, args: Parameters<pino.LogFn>, method: pino.LogFn) {
        const secrets = knownSecrets();
        const clean = args.map((a) => scrubLogValue(a, secrets)) as Parameters<pino.LogFn>;
        return method.apply(this, clean);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger: Logger = createLogger();
