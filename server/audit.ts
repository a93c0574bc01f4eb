import "server-only";
import type { Action } from "@/server/auth/policy";
import { logger } from "@/server/log/logger";

export type AuditResult = "ok" | "refused" | "failed";

export type AuditEntry = {
  who: string;
  action: Action;
  /** What was acted on: ids and names only, never a body, a code blob or a credential. */
  target: Record<string, string | number | undefined>;
  result: AuditResult;
  /** The error code of a refused or failed call: the backend's own when it answered one. */
  code?: string;
  /** The HTTP status answered, when there was one. */
  status?: number;
  requestId?: string;
};

/**
 * The one reading of an outcome, for route handlers and actions alike: below 400 it happened; a 4xx
 * was turned down (bad input, no right, a conflict, too large, gone) and changed nothing; a 5xx failed.
 */
export function auditResultOf(status: number): AuditResult {
  if (status < 400) return "ok";
  return status < 500 ? "refused" : "failed";
}

/** One line per mutation, on its own logger channel so it can be shipped and kept apart. */
export function audit(entry: AuditEntry): void {
  logger.info({ audit: true, ...entry }, "audit");
}
