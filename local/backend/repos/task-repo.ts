import type { BuildStatus, BuildTaskResult } from "../../../lib/contract";
import type { Db } from "../db/open";

export type TaskKind = "build" | "push" | "build-and-push";

/** The contract's result plus the pushed manifest's digest (extra keys are allowed by the contract). */
export type TaskResult = BuildTaskResult & { digest?: string | null };

/** A task as stored. `payload` is internal (what it was asked to do); `result` is what clients see. */
export type TaskRecord = {
  id: string;
  workspaceId: string;
  kind: TaskKind;
  status: BuildStatus;
  appName: string | null;
  createdAt: number;
  updatedAt: number;
  result: TaskResult | null;
  error: string | null;
  payload: Record<string, unknown>;
  sourceKey: string | null;
  artifactKey: string | null;
};

type Row = {
  id: string;
  workspace_id: string;
  kind: TaskKind;
  status: BuildStatus;
  app_name: string | null;
  created_at: number;
  updated_at: number;
  result: string | null;
  error: string | null;
  payload: string | null;
  source_key: string | null;
  artifact_key: string | null;
};

function toRecord(row: Row): TaskRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    kind: row.kind,
    status: row.status,
    appName: row.app_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    result: row.result === null ? null : (JSON.parse(row.result) as TaskResult),
    error: row.error,
    payload: row.payload === null ? {} : (JSON.parse(row.payload) as Record<string, unknown>),
    sourceKey: row.source_key,
    artifactKey: row.artifact_key,
  };
}

export type TaskPatch = Partial<
  Pick<TaskRecord, "status" | "appName" | "result" | "error" | "payload" | "sourceKey" | "artifactKey">
>;

const COLUMNS: Record<keyof TaskPatch, string> = {
  status: "status",
  appName: "app_name",
  result: "result",
  error: "error",
  payload: "payload",
  sourceKey: "source_key",
  artifactKey: "artifact_key",
};

const toColumn = (key: keyof TaskPatch, value: unknown) =>
  (key === "result" || key === "payload") && value !== null ? JSON.stringify(value) : value;

export class TaskRepo {
  constructor(private readonly db: Db) {}

  insert(task: TaskRecord): void {
    this.db
      .prepare(
        `INSERT INTO tasks (id, workspace_id, kind, status, app_name, created_at, updated_at, result, error, payload, source_key, artifact_key)
         VALUES (@id, @workspaceId, @kind, @status, @appName, @createdAt, @updatedAt, @result, @error, @payload, @sourceKey, @artifactKey)`,
      )
      .run({ ...task, result: task.result && JSON.stringify(task.result), payload: JSON.stringify(task.payload) });
  }

  get(id: string): TaskRecord | undefined {
    const row = this.db.prepare("SELECT * FROM tasks WHERE id = ?").get(id) as Row | undefined;
    return row && toRecord(row);
  }

  /** Newest first; the rowid breaks ties between tasks created in the same millisecond. */
  listByWorkspace(workspaceId: string, limit: number): TaskRecord[] {
    const rows = this.db
      .prepare("SELECT * FROM tasks WHERE workspace_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?")
      .all(workspaceId, limit) as Row[];
    return rows.map(toRecord);
  }

  /** Updates the given fields and `updated_at`; false when the task is gone (its workspace was deleted). */
  update(id: string, patch: TaskPatch): boolean {
    const keys = (Object.keys(patch) as (keyof TaskPatch)[]).filter((k) => patch[k] !== undefined);
    const sets = [...keys.map((k) => `${COLUMNS[k]} = @${k}`), "updated_at = @updatedAt"].join(", ");
    const values = Object.fromEntries(keys.map((k) => [k, toColumn(k, patch[k])]));
    return (
      this.db.prepare(`UPDATE tasks SET ${sets} WHERE id = @id`).run({ ...values, updatedAt: Date.now(), id }).changes >
      0
    );
  }

  /** The newest completed task of the workspace that produced a Spin package. */
  latestArtifact(workspaceId: string): TaskRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM tasks WHERE workspace_id = ? AND status = 'completed' AND artifact_key IS NOT NULL
           AND kind IN ('build', 'build-and-push') ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      )
      .get(workspaceId) as Row | undefined;
    return row && toRecord(row);
  }

  /** The build task whose uploaded source or built package has this object key. */
  byObjectKey(key: string): TaskRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM tasks WHERE kind IN ('build', 'build-and-push') AND (source_key = @key OR artifact_key = @key)
         ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      )
      .get({ key }) as Row | undefined;
    return row && toRecord(row);
  }

  /** The newest completed task that pushed this image reference (`registry/repo:tag`). */
  pushedImage(imageRef: string): TaskRecord | undefined {
    const row = this.db
      .prepare(
        `SELECT * FROM tasks WHERE status = 'completed' AND artifact_key IS NOT NULL AND kind IN ('push', 'build-and-push')
           AND (json_extract(result, '$.image_uri') = @ref OR json_extract(result, '$.image_url') = @ref)
         ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      )
      .get({ ref: imageRef }) as Row | undefined;
    return row && toRecord(row);
  }

  /**
   * Start-up: a task still pending or running belongs to a process that is gone. It can never
   * finish, so it is failed with an error saying why instead of spinning in the console forever.
   */
  failUnfinished(error: (status: BuildStatus) => string): number {
    const rows = this.db.prepare("SELECT id, status FROM tasks WHERE status IN ('pending', 'running')").all() as {
      id: string;
      status: BuildStatus;
    }[];
    const stmt = this.db.prepare("UPDATE tasks SET status = 'failed', error = ?, updated_at = ? WHERE id = ?");
    this.db.transaction(() => {
      for (const r of rows) stmt.run(error(r.status), Date.now(), r.id);
    })();
    return rows.length;
  }

  allIds(): Set<string> {
    return new Set((this.db.prepare("SELECT id FROM tasks").all() as { id: string }[]).map((r) => r.id));
  }
}
