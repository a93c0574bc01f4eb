import "server-only";
import type { StoreMigration } from "./types";

/** The managers' dashboard: snapshots of its figures, for change and 7-day trends. */
export const dashboard: StoreMigration = {
  async up(db) {
    await db.schema
      .createTable("dashboard_snapshots")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("scope", "text", (c) => c.notNull())
      .addColumn("taken_at", "text", (c) => c.notNull())
      .addColumn("totals", "text", (c) => c.notNull())
      .addColumn("workspaces", "text", (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex("dashboard_snapshots_scope_taken")
      .on("dashboard_snapshots")
      .columns(["scope", "taken_at"])
      .execute();
  },
};
