import "server-only";
/** One row per audited call (`server/audit.ts`). */
export interface AuditLogTable {
  id: string;
  at: string;
  who: string;
  action: string;
  /** The workspace acted in, when the target names one (for filtering and for managers' views). */
  workspace_id: string | null;
  /** JSON object of ids and names, never a body or a credential. */
  target: string;
  result: "ok" | "refused" | "failed";
  code: string | null;
  request_id: string | null;
}
