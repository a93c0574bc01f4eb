import "server-only";
import { join } from "node:path";
import { env } from "@/server/env";
import { logger } from "@/server/log/logger";
import { openStore, type Store, type StoreConfig } from "./open";

export type { StoreSchema } from "./schema";
export type { Store } from "./open";

/** SQLite in the data directory unless DATABASE_URL names a PostgreSQL database. */
export function storeConfig(): StoreConfig {
  const e = env();
  if (e.DATABASE_URL) return { kind: "postgres", url: e.DATABASE_URL };
  return { kind: "sqlite", path: join(e.CONSOLE_DATA_DIR ?? e.PLATFORM_DATA_DIR, "console.db") };
}

let opening: Promise<Store> | undefined;

/**
 * The process's store, opened (and migrated) once. `instrumentation.ts` calls it at start-up; every
 * module gets its Kysely instance from here. A failed open is not cached, so the next call tries again.
 */
export function store(): Promise<Store> {
  opening ??= openStore(storeConfig()).then(
    (s) => {
      logger.info({ store: s.kind, migrations: s.applied }, "console store ready");
      return s;
    },
    (err: unknown) => {
      opening = undefined;
      throw err;
    },
  );
  return opening;
}

/** The typed query builder, for modules' repositories. */
export async function db(): Promise<Store["db"]> {
  return (await store()).db;
}
