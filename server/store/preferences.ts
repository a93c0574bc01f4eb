import "server-only";
import type { Kysely } from "kysely";
import type { StoreSchema } from "./schema";

type Db = Kysely<StoreSchema>;

/** A remembered value, or null. Values are JSON; a row that no longer parses reads as absent. */
export async function getPreference<T>(db: Db, scope: string, name: string): Promise<T | null> {
  const row = await db
    .selectFrom("preferences")
    .select("value")
    .where("scope", "=", scope)
    .where("name", "=", name)
    .executeTakeFirst();
  if (!row) return null;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return null;
  }
}

/** Insert or replace, in one statement on both engines. */
export async function setPreference(db: Db, scope: string, name: string, value: unknown, who: string): Promise<void> {
  const row = { scope, name, value: JSON.stringify(value), updated_by: who, updated_at: new Date().toISOString() };
  await db
    .insertInto("preferences")
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(["scope", "name"])
        .doUpdateSet({ value: row.value, updated_by: row.updated_by, updated_at: row.updated_at }),
    )
    .execute();
}
