import "server-only";
import type { Action } from "@/server/auth/policy";
import { logger } from "@/server/log/logger";

export type AuditEntry = {
  who: string;
  action: Action;
  /** What was acted on: ids and names only, never a body, a code blob or a credential. */
  target: Record<string, string | number | undefined>;
  result: "ok" | "refused" | "failed";
  code?: string;
  requestId?: string;
};

/** One line per mutation, on its own logger channel so it can be shipped and kept apart. */
export function audit(entry: AuditEntry): void {
  logger.info({ audit: true, ...entry }, "audit");
}
