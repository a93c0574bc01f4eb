import "server-only";
import type { Migration } from "kysely/migration";
import { consoleStore } from "./0001-console-store";
import { ship } from "./0002-ship";
import { dashboard } from "./0003-dashboard";
import type { StoreMigration } from "./types";

/**
 * Every migration, in order, under a name that never changes once released (the store records the
 * names it has run). To add a table: write `NNNN-<module>.ts` exporting a StoreMigration, append it
 * here with the next number, and add its row type to `../schema.ts`. Never edit a released migration;
 * add another. Listed statically (not read from a folder) so the Next.js bundle carries them.
 */
export const STORE_MIGRATIONS: ReadonlyArray<readonly [name: string, migration: StoreMigration]> = [
  ["0001-console-store", consoleStore],
  ["0002-ship", ship],
  ["0003-dashboard", dashboard],
];

export function migrationRecord(): Record<string, Migration> {
  return Object.fromEntries(STORE_MIGRATIONS.map(([name, m]) => [name, { up: (db) => m.up(db) }]));
}
