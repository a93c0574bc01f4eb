import "server-only";
import type { Action } from "@/server/auth/policy";
import { logger } from "@/server/log/logger";

export type AuditEntry = {
  who: string;
  action: Action;
  /** What was acted on: ids and names only, never a body, a code blob or a credential. */
  target: Record<string, string | number | undefined>;
  result: "ok" | "refused" | "failed";
  /** The error code of a refused or failed call: the backend's own when it answered one. */
  code?: string;
  /** The HTTP status answered, when there was one. */
  status?: number;
  requestId?: string;
};

/** One line per mutation, on its own logger channel so it can be shipped and kept apart. */
export function audit(entry: AuditEntry): void {
  logger.info({ audit: true, ...entry }, "audit");
}
