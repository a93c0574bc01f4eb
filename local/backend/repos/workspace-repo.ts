import type { Workspace } from "../../../lib/contract";
import type { Db } from "../db/open";
import { toKstIso } from "../util/time";

type Row = {
  id: string;
  name: string;
  description: string | null;
  created_at: number;
  function_count: number;
  invocations: number;
  errors: number;
};

/** Workspaces with the aggregates the spec says the backend keeps, computed over the last 24 h. */
const SELECT = `
  SELECT w.id, w.name, w.description, w.created_at,
    (SELECT COUNT(*) FROM functions f WHERE f.workspace_id = w.id) AS function_count,
    (SELECT COUNT(*) FROM execution_logs e WHERE e.workspace_id = w.id AND e.at >= @since) AS invocations,
    (SELECT COUNT(*) FROM execution_logs e WHERE e.workspace_id = w.id AND e.at >= @since AND e.status = 'error') AS errors
  FROM workspaces w`;

function toWorkspace(row: Row): Workspace {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    createdAt: toKstIso(row.created_at),
    functionCount: row.function_count,
    invocations24h: row.invocations,
    errorRate: row.invocations === 0 ? 0 : Math.round((row.errors / row.invocations) * 10_000) / 100,
  };
}

export class WorkspaceRepo {
  constructor(private readonly db: Db) {}

  list(since: number): Workspace[] {
    const rows = this.db.prepare(`${SELECT} ORDER BY w.created_at, w.id`).all({ since }) as Row[];
    return rows.map(toWorkspace);
  }

  get(id: string, since: number): Workspace | undefined {
    const row = this.db.prepare(`${SELECT} WHERE w.id = @id`).get({ since, id }) as Row | undefined;
    return row && toWorkspace(row);
  }

  exists(id: string): boolean {
    return this.db.prepare("SELECT 1 FROM workspaces WHERE id = ?").get(id) !== undefined;
  }

  insert(ws: { id: string; name: string; description: string | null; createdAt: number }): void {
    this.db
      .prepare("INSERT INTO workspaces (id, name, description, created_at) VALUES (?, ?, ?, ?)")
      .run(ws.id, ws.name, ws.description, ws.createdAt);
  }

  update(id: string, patch: { name?: string; description?: string }): void {
    if (patch.name !== undefined) this.db.prepare("UPDATE workspaces SET name = ? WHERE id = ?").run(patch.name, id);
    if (patch.description !== undefined)
      this.db.prepare("UPDATE workspaces SET description = ? WHERE id = ?").run(patch.description, id);
  }

  functionIds(id: string): string[] {
    return (this.db.prepare("SELECT id FROM functions WHERE workspace_id = ?").all(id) as { id: string }[]).map(
      (r) => r.id,
    );
  }

  /**
   * Deletes the workspace with its tasks; its functions, and through them their execution logs,
   * runs and output lines, go by ON DELETE CASCADE. The caller wraps this in a transaction.
   */
  delete(id: string): void {
    this.db.prepare("DELETE FROM tasks WHERE workspace_id = ?").run(id);
    this.db.prepare("DELETE FROM execution_logs WHERE workspace_id = ?").run(id);
    this.db.prepare("DELETE FROM workspaces WHERE id = ?").run(id);
  }
}
