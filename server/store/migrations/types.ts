import "server-only";
import type { Kysely } from "kysely";

/**
 * A versioned migration. Written against an untyped database on purpose: a migration describes the
 * schema as it was at its version, not as `StoreSchema` says it is today.
 */
export type StoreMigration = {
  up: (db: Kysely<unknown>) => Promise<void>;
};
