import type { Db } from "../db/open";

export type FunctionStatus = "active" | "disabled";

/** A function as stored; the API shape (with Base64 code) is built by the function service. */
export type FunctionRecord = {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  runtime: string;
  memory: number;
  timeout: number;
  httpMethods: string[];
  environmentVariables: Record<string, string>;
  objectKey: string;
  invocationUrl: string | null;
  status: FunctionStatus;
  createdAt: number;
  lastModified: number;
  lastDeployed: number | null;
};

export type FunctionStats = { invocations24h: number; errors24h: number; avgDuration: number };

type Row = {
  id: string;
  workspace_id: string;
  name: string;
  description: string | null;
  runtime: string;
  memory: number;
  timeout: number;
  http_methods: string;
  environment: string;
  object_key: string;
  invocation_url: string | null;
  status: FunctionStatus;
  created_at: number;
  last_modified: number;
  last_deployed: number | null;
  invocations?: number;
  errors?: number;
  avg_duration?: number | null;
};

const WITH_STATS = `
  SELECT f.*, COALESCE(s.invocations, 0) AS invocations, COALESCE(s.errors, 0) AS errors, s.avg_duration
  FROM functions f
  LEFT JOIN (
    SELECT function_id, COUNT(*) AS invocations, SUM(status = 'error') AS errors, AVG(duration) AS avg_duration
    FROM execution_logs WHERE at >= @since GROUP BY function_id
  ) s ON s.function_id = f.id`;

function toRecord(row: Row): FunctionRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    description: row.description,
    runtime: row.runtime,
    memory: row.memory,
    timeout: row.timeout,
    httpMethods: JSON.parse(row.http_methods) as string[],
    environmentVariables: JSON.parse(row.environment) as Record<string, string>,
    objectKey: row.object_key,
    invocationUrl: row.invocation_url,
    status: row.status,
    createdAt: row.created_at,
    lastModified: row.last_modified,
    lastDeployed: row.last_deployed,
  };
}

function toStats(row: Row): FunctionStats {
  return {
    invocations24h: row.invocations ?? 0,
    errors24h: row.errors ?? 0,
    avgDuration: Math.round((row.avg_duration ?? 0) * 100) / 100,
  };
}

const COLUMNS: Record<keyof Omit<FunctionRecord, "id" | "workspaceId" | "createdAt">, string> = {
  name: "name",
  description: "description",
  runtime: "runtime",
  memory: "memory",
  timeout: "timeout",
  httpMethods: "http_methods",
  environmentVariables: "environment",
  objectKey: "object_key",
  invocationUrl: "invocation_url",
  status: "status",
  lastModified: "last_modified",
  lastDeployed: "last_deployed",
};

function toColumnValue(key: keyof typeof COLUMNS, value: unknown): unknown {
  return key === "httpMethods" || key === "environmentVariables" ? JSON.stringify(value) : value;
}

export class FunctionRepo {
  constructor(private readonly db: Db) {}

  listWithStats(workspaceId: string, since: number): (FunctionRecord & FunctionStats)[] {
    const rows = this.db
      .prepare(`${WITH_STATS} WHERE f.workspace_id = @workspaceId ORDER BY f.created_at, f.id`)
      .all({ since, workspaceId }) as Row[];
    return rows.map((r) => ({ ...toRecord(r), ...toStats(r) }));
  }

  getWithStats(workspaceId: string, id: string, since: number): (FunctionRecord & FunctionStats) | undefined {
    const row = this.db
      .prepare(`${WITH_STATS} WHERE f.workspace_id = @workspaceId AND f.id = @id`)
      .get({ since, workspaceId, id }) as Row | undefined;
    return row && { ...toRecord(row), ...toStats(row) };
  }

  /** By id alone: the function host, Loki and metrics routes address a function without its workspace. */
  getById(id: string): FunctionRecord | undefined {
    const row = this.db.prepare("SELECT * FROM functions WHERE id = ?").get(id) as Row | undefined;
    return row && toRecord(row);
  }

  insert(fn: FunctionRecord): void {
    this.db
      .prepare(
        `INSERT INTO functions (id, workspace_id, name, description, runtime, memory, timeout, http_methods, environment,
           object_key, invocation_url, status, created_at, last_modified, last_deployed)
         VALUES (@id, @workspaceId, @name, @description, @runtime, @memory, @timeout, @httpMethods, @environment,
           @objectKey, @invocationUrl, @status, @createdAt, @lastModified, @lastDeployed)`,
      )
      .run({
        ...fn,
        httpMethods: JSON.stringify(fn.httpMethods),
        environment: JSON.stringify(fn.environmentVariables),
      });
  }

  /** Updates exactly the keys present in `patch` (PATCH semantics). */
  update(id: string, patch: Partial<Omit<FunctionRecord, "id" | "workspaceId" | "createdAt">>): void {
    const keys = (Object.keys(patch) as (keyof typeof COLUMNS)[]).filter((k) => k in COLUMNS && patch[k] !== undefined);
    if (keys.length === 0) return;
    const sets = keys.map((k) => `${COLUMNS[k]} = @${k}`).join(", ");
    const values = Object.fromEntries(keys.map((k) => [k, toColumnValue(k, patch[k])]));
    this.db.prepare(`UPDATE functions SET ${sets} WHERE id = @id`).run({ ...values, id });
  }

  /** Removes the function; its logs, runs and output lines go by ON DELETE CASCADE. */
  delete(id: string): void {
    this.db.prepare("DELETE FROM functions WHERE id = ?").run(id);
  }

  allObjectKeys(): Set<string> {
    return new Set(
      (this.db.prepare("SELECT object_key FROM functions").all() as { object_key: string }[]).map((r) => r.object_key),
    );
  }
}
