import "server-only";
import type { Action } from "@/server/auth/policy";
import { logger } from "@/server/log/logger";
import { insertAudit } from "@/server/store/audit-log";
import { db } from "@/server/store";

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

/**
 * One line per mutation, on its own logger channel so it can be shipped and kept apart, and the same
 * record in the console's store for the Audit page. A store that fails loses the row, never the call
 * or the log line.
 */
export function audit(entry: AuditEntry): void {
  logger.info({ audit: true, ...entry }, "audit");
  const workspace = entry.target.workspaceId ?? entry.target.workspace_id;
  const record = {
    at: new Date().toISOString(),
    who: entry.who,
    action: entry.action,
    workspace_id: workspace === undefined ? null : String(workspace),
    target: Object.fromEntries(Object.entries(entry.target).filter(([, v]) => v !== undefined)),
    result: entry.result,
    code: entry.code ?? null,
    request_id: entry.requestId ?? null,
  };
  void db()
    .then((store) => insertAudit(store, record))
    .catch((err: unknown) =>
      logger.warn({ err: err instanceof Error ? err.message : String(err) }, "audit row not stored"),
    );
}
