import "server-only";
import { sql, type Kysely } from "kysely";
import type { StoreSchema } from "./schema";
import type { AuditLogTable } from "./tables/audit-log";

type Db = Kysely<StoreSchema>;

export type AuditRecord = Omit<AuditLogTable, "target"> & { target: Record<string, string | number | undefined> };

export type AuditQuery = {
  who?: string;
  action?: string;
  workspaceId?: string;
  /** ISO times, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  /** Only these workspaces (a manager's view); undefined means all. */
  workspaceIn?: string[];
  limit: number;
  /** Rows older than this `at`/id pair (keyset paging, newest first). */
  before?: { at: string; id: string };
};

export async function insertAudit(db: Db, record: Omit<AuditRecord, "id">): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({ ...record, id: crypto.randomUUID(), target: JSON.stringify(record.target) })
    .execute();
}

function parseTarget(text: string): AuditRecord["target"] {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as AuditRecord["target"]) : {};
  } catch {
    return {};
  }
}

/** Newest first. */
export async function queryAudit(db: Db, q: AuditQuery): Promise<AuditRecord[]> {
  let query = db.selectFrom("audit_log").selectAll();
  if (q.who) query = query.where("who", "=", q.who);
  if (q.action) query = query.where("action", "=", q.action);
  if (q.workspaceId) query = query.where("workspace_id", "=", q.workspaceId);
  if (q.workspaceIn)
    query = q.workspaceIn.length ? query.where("workspace_id", "in", q.workspaceIn) : query.where(sql<boolean>`1 = 0`);
  if (q.from) query = query.where("at", ">=", q.from);
  if (q.to) query = query.where("at", "<", q.to);
  if (q.before) {
    const b = q.before;
    query = query.where((eb) => eb.or([eb("at", "<", b.at), eb.and([eb("at", "=", b.at), eb("id", "<", b.id)])]));
  }
  const rows = await query.orderBy("at", "desc").orderBy("id", "desc").limit(q.limit).execute();
  return rows.map((r) => ({ ...r, target: parseTarget(r.target) }));
}

/** Distinct values for the filter pickers. */
export async function auditFacets(db: Db): Promise<{ who: string[]; action: string[] }> {
  const [who, action] = await Promise.all([
    db.selectFrom("audit_log").select("who").distinct().orderBy("who").limit(500).execute(),
    db.selectFrom("audit_log").select("action").distinct().orderBy("action").limit(500).execute(),
  ]);
  return { who: who.map((r) => r.who), action: action.map((r) => r.action) };
}
