import "server-only";
import type { StoreMigration } from "./types";

/** The first tables of the console's store: remembered choices and the audit log. */
export const consoleStore: StoreMigration = {
  async up(db) {
    await db.schema
      .createTable("preferences")
      .addColumn("scope", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("value", "text", (c) => c.notNull())
      .addColumn("updated_by", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addPrimaryKeyConstraint("preferences_pk", ["scope", "name"])
      .execute();

    await db.schema
      .createTable("audit_log")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("at", "text", (c) => c.notNull())
      .addColumn("who", "text", (c) => c.notNull())
      .addColumn("action", "text", (c) => c.notNull())
      .addColumn("workspace_id", "text")
      .addColumn("target", "text", (c) => c.notNull())
      .addColumn("result", "text", (c) => c.notNull())
      .addColumn("code", "text")
      .addColumn("request_id", "text")
      .execute();
    await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
    await db.schema.createIndex("audit_log_who_at").on("audit_log").columns(["who", "at"]).execute();
    await db.schema.createIndex("audit_log_workspace_at").on("audit_log").columns(["workspace_id", "at"]).execute();
  },
};
