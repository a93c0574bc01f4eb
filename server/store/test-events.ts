import "server-only";
import type { Kysely } from "kysely";
import type { StoreSchema } from "./schema";

type Db = Kysely<StoreSchema>;

export type TestEventRecord = {
  id: string;
  name: string;
  payload: string;
  isDefault: boolean;
  createdBy: string;
  updatedAt: string;
};
export type FunctionKey = { workspaceId: string; functionId: string };

export async function listTestEvents(db: Db, k: FunctionKey): Promise<TestEventRecord[]> {
  const rows = await db
    .selectFrom("test_events")
    .selectAll()
    .where("workspace_id", "=", k.workspaceId)
    .where("function_id", "=", k.functionId)
    .orderBy("name")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    payload: r.payload,
    isDefault: r.is_default === 1,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
  }));
}

export async function defaultTestEvent(db: Db, k: FunctionKey): Promise<TestEventRecord | null> {
  return (await listTestEvents(db, k)).find((e) => e.isDefault) ?? null;
}

/**
 * Saves under a name (replacing an event of the same name). Marking it default clears the previous
 * default in the same transaction, so there is never more than one. Without isDefault, an event
 * replaced keeps its mark and a new one is not the default.
 */
export async function saveTestEvent(
  db: Db,
  k: FunctionKey,
  input: { name: string; payload: string; isDefault?: boolean },
  who: string,
): Promise<TestEventRecord> {
  return db.transaction().execute(async (tx) => {
    const now = new Date().toISOString();
    if (input.isDefault) {
      await tx
        .updateTable("test_events")
        .set({ is_default: 0 })
        .where("workspace_id", "=", k.workspaceId)
        .where("function_id", "=", k.functionId)
        .execute();
    }
    const existing = await tx
      .selectFrom("test_events")
      .select(["id", "is_default"])
      .where("workspace_id", "=", k.workspaceId)
      .where("function_id", "=", k.functionId)
      .where("name", "=", input.name)
      .executeTakeFirst();
    const id = existing?.id ?? crypto.randomUUID();
    const isDefault = input.isDefault ?? existing?.is_default === 1;
    const row = { payload: input.payload, is_default: isDefault ? 1 : 0, created_by: who, updated_at: now };
    if (existing) await tx.updateTable("test_events").set(row).where("id", "=", id).execute();
    else
      await tx
        .insertInto("test_events")
        .values({ id, workspace_id: k.workspaceId, function_id: k.functionId, name: input.name, ...row })
        .execute();
    return { id, name: input.name, payload: input.payload, isDefault, createdBy: who, updatedAt: now };
  });
}

/** Marks one event default (or none, with null). An id not of this function changes nothing and answers false. */
export async function setDefaultTestEvent(db: Db, k: FunctionKey, id: string | null): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    if (id !== null) {
      const found = await tx
        .selectFrom("test_events")
        .select("id")
        .where("id", "=", id)
        .where("workspace_id", "=", k.workspaceId)
        .where("function_id", "=", k.functionId)
        .executeTakeFirst();
      if (!found) return false;
    }
    await tx
      .updateTable("test_events")
      .set({ is_default: 0 })
      .where("workspace_id", "=", k.workspaceId)
      .where("function_id", "=", k.functionId)
      .execute();
    if (id !== null) await tx.updateTable("test_events").set({ is_default: 1 }).where("id", "=", id).execute();
    return true;
  });
}

export async function deleteTestEvent(db: Db, k: FunctionKey, id: string): Promise<boolean> {
  const r = await db
    .deleteFrom("test_events")
    .where("id", "=", id)
    .where("workspace_id", "=", k.workspaceId)
    .where("function_id", "=", k.functionId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}
