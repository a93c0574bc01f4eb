import "server-only";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, type Dialect } from "kysely";
import { Migrator } from "kysely/migration";
import pg from "pg";
import { migrationRecord } from "./migrations";
import type { StoreSchema } from "./schema";

export type StoreConfig =
  /** PostgreSQL: several console replicas share one database. */
  | { kind: "postgres"; url: string; poolSize?: number }
  /** SQLite: a file in the console's data directory (or ":memory:" in tests). */
  | { kind: "sqlite"; path: string };

export type Store = {
  db: Kysely<StoreSchema>;
  kind: StoreConfig["kind"];
  /** Names of the migrations this open applied (empty when the schema was already current). */
  applied: string[];
  close: () => Promise<void>;
};

function dialect(config: StoreConfig): Dialect {
  if (config.kind === "postgres") {
    return new PostgresDialect({ pool: new pg.Pool({ connectionString: config.url, max: config.poolSize ?? 5 }) });
  }
  if (config.path !== ":memory:") mkdirSync(dirname(config.path), { recursive: true });
  const sqlite = new Database(config.path);
  // WAL: readers never wait behind the pipeline's writes; busy_timeout covers two processes on one file.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  return new SqliteDialect({ database: sqlite });
}

/**
 * Opens the store and brings its schema up to date. Migrations are versioned and recorded in the
 * database (kysely_migration); on PostgreSQL the migrator holds a lock, so replicas starting together
 * apply each migration once. A failed migration throws and leaves the store at the previous version.
 */
export async function openStore(config: StoreConfig): Promise<Store> {
  const db = new Kysely<StoreSchema>({ dialect: dialect(config) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrationRecord() } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(
      `The console's store could not be migrated${failed ? ` (migration ${failed})` : ""}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return {
    db,
    kind: config.kind,
    applied: (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName),
    close: () => db.destroy(),
  };
}
