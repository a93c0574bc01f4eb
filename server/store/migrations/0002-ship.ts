import "server-only";
import type { StoreMigration } from "./types";

/** Ship from the editor: deployment history (with each run's stages) and shared test events. */
export const ship: StoreMigration = {
  async up(db) {
    await db.schema
      .createTable("deployments")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("workspace_id", "text", (c) => c.notNull())
      .addColumn("function_id", "text", (c) => c.notNull())
      .addColumn("function_name", "text", (c) => c.notNull())
      .addColumn("kind", "text", (c) => c.notNull())
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("stages", "text", (c) => c.notNull())
      .addColumn("code_hash", "text", (c) => c.notNull())
      .addColumn("code", "text", (c) => c.notNull())
      .addColumn("registry_url", "text")
      .addColumn("image_ref", "text")
      .addColumn("settings", "text", (c) => c.notNull())
      .addColumn("endpoint", "text")
      .addColumn("source_deployment_id", "text")
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("created_at", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addColumn("finished_at", "text")
      .addColumn("lease_until", "text")
      .execute();
    await db.schema
      .createIndex("deployments_function_created")
      .on("deployments")
      .columns(["workspace_id", "function_id", "created_at"])
      .execute();

    await db.schema
      .createTable("test_events")
      .addColumn("id", "text", (c) => c.primaryKey())
      .addColumn("workspace_id", "text", (c) => c.notNull())
      .addColumn("function_id", "text", (c) => c.notNull())
      .addColumn("name", "text", (c) => c.notNull())
      .addColumn("payload", "text", (c) => c.notNull())
      .addColumn("is_default", "integer", (c) => c.notNull().defaultTo(0))
      .addColumn("created_by", "text", (c) => c.notNull())
      .addColumn("updated_at", "text", (c) => c.notNull())
      .addUniqueConstraint("test_events_name", ["workspace_id", "function_id", "name"])
      .execute();
  },
};
