import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "@/server/env";

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

/** JSON lines to stdout (or a given stream, for tests), tagged with the service name. */
export function createLogger(destination?: DestinationStream): Logger {
  const options = {
    level: env().LOG_LEVEL,
    base: { service: "eunha-console" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

export const logger: Logger = createLogger();
