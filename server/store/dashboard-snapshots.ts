import "server-only";
import type { Kysely } from "kysely";
import type { StoreSchema } from "./schema";
import type { DashboardSnapshotsTable } from "./tables/dashboard-snapshots";

type Db = Kysely<StoreSchema>;
export type DashboardSnapshotRow = DashboardSnapshotsTable;

/**
 * Keeps at most one snapshot per scope per `intervalMs`: the id names the interval, so a second write
 * in it (another replica, a second refresh) changes nothing. True when this call wrote it.
 */
export async function recordSnapshot(
  db: Db,
  row: Omit<DashboardSnapshotRow, "id">,
  intervalMs: number,
): Promise<boolean> {
  const bucket = Math.floor(Date.parse(row.taken_at) / intervalMs) * intervalMs;
  const id = `${row.scope}@${new Date(bucket).toISOString()}`;
  const r = await db
    .insertInto("dashboard_snapshots")
    .values({ id, ...row })
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The newest snapshot taken before `before` (ISO), or null. */
export async function previousSnapshot(db: Db, scope: string, before: string): Promise<DashboardSnapshotRow | null> {
  const row = await db
    .selectFrom("dashboard_snapshots")
    .selectAll()
    .where("scope", "=", scope)
    .where("taken_at", "<", before)
    .orderBy("taken_at", "desc")
    .executeTakeFirst();
  return row ?? null;
}

/** A scope's snapshots since `since` (ISO), oldest first. */
export async function snapshotsSince(db: Db, scope: string, since: string): Promise<DashboardSnapshotRow[]> {
  return db
    .selectFrom("dashboard_snapshots")
    .selectAll()
    .where("scope", "=", scope)
    .where("taken_at", ">=", since)
    .orderBy("taken_at", "asc")
    .execute();
}

/** Forgets snapshots older than `before` (ISO); returns how many went. */
export async function pruneSnapshots(db: Db, before: string): Promise<number> {
  const r = await db.deleteFrom("dashboard_snapshots").where("taken_at", "<", before).executeTakeFirst();
  return Number(r.numDeletedRows);
}
