import "server-only";
import type { Kysely, Updateable } from "kysely";
import type { StoreSchema } from "./schema";
import type { DeploymentsTable } from "./tables/deployments";

type Db = Kysely<StoreSchema>;

export type DeploymentRow = DeploymentsTable;
export type FunctionKey = { workspaceId: string; functionId: string };

export async function insertDeployment(db: Db, row: DeploymentRow): Promise<void> {
  await db.insertInto("deployments").values(row).execute();
}

export async function getDeployment(db: Db, id: string): Promise<DeploymentRow | null> {
  return (await db.selectFrom("deployments").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** A function's history, newest first. */
export async function listDeployments(db: Db, k: FunctionKey, limit = 50): Promise<DeploymentRow[]> {
  return db
    .selectFrom("deployments")
    .selectAll()
    .where("workspace_id", "=", k.workspaceId)
    .where("function_id", "=", k.functionId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(limit)
    .execute();
}

/** Recent deployments across functions (all, or one workspace's), newest first. */
export async function listRecentDeployments(
  db: Db,
  opts: { workspaceId?: string; limit: number },
): Promise<DeploymentRow[]> {
  let q = db.selectFrom("deployments").selectAll();
  if (opts.workspaceId) q = q.where("workspace_id", "=", opts.workspaceId);
  return q.orderBy("created_at", "desc").orderBy("id", "desc").limit(opts.limit).execute();
}

/** The run still going for this function, if any (at most one at a time). */
export async function runningDeployment(db: Db, k: FunctionKey): Promise<DeploymentRow | null> {
  const row = await db
    .selectFrom("deployments")
    .selectAll()
    .where("workspace_id", "=", k.workspaceId)
    .where("function_id", "=", k.functionId)
    .where("status", "=", "running")
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return row ?? null;
}

/** What runs on the cluster now: the newest deployment that completed. */
export async function liveDeployment(db: Db, k: FunctionKey): Promise<DeploymentRow | null> {
  const row = await db
    .selectFrom("deployments")
    .selectAll()
    .where("workspace_id", "=", k.workspaceId)
    .where("function_id", "=", k.functionId)
    .where("status", "=", "succeeded")
    .orderBy("finished_at", "desc")
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return row ?? null;
}

export async function updateDeployment(db: Db, id: string, patch: Updateable<DeploymentRow>): Promise<void> {
  await db.updateTable("deployments").set(patch).where("id", "=", id).execute();
}

/**
 * Takes the right to drive a run until `until`: succeeds only when nobody holds it (no lease, or an
 * expired one). Two console replicas, or two tabs pressing Retry, cannot both drive one run.
 */
export async function claimDeployment(
  db: Db,
  id: string,
  now: string,
  until: string,
  patch: Updateable<DeploymentRow> = {},
): Promise<boolean> {
  const r = await db
    .updateTable("deployments")
    .set({ ...patch, lease_until: until, updated_at: now })
    .where("id", "=", id)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
