import type { ExecutionLog, LogsResponse } from "../../../lib/contract";
import type { Db } from "../db/open";
import { toKstIso } from "../util/time";

export type NewExecutionLog = {
  id: string;
  functionId: string;
  workspaceId: string;
  at: number;
  status: ExecutionLog["status"];
  duration: number;
  statusCode: number;
  requestBody?: unknown;
  responseBody?: unknown;
  logs: string[];
  level: ExecutionLog["level"];
};

type Row = {
  id: string;
  function_id: string;
  at: number;
  status: ExecutionLog["status"];
  duration: number;
  status_code: number;
  request_body: string | null;
  response_body: string | null;
  logs: string;
  level: ExecutionLog["level"];
};

function toLog(row: Row): ExecutionLog {
  const log: ExecutionLog = {
    id: row.id,
    functionId: row.function_id,
    timestamp: toKstIso(row.at),
    status: row.status,
    duration: row.duration,
    statusCode: row.status_code,
    logs: JSON.parse(row.logs) as string[],
    level: row.level,
  };
  // NULL means "absent"; a JSON null body is stored as the text "null" and comes back as null.
  if (row.request_body !== null) log.requestBody = JSON.parse(row.request_body);
  if (row.response_body !== null) log.responseBody = JSON.parse(row.response_body);
  return log;
}

const asJson = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export class ExecutionLogRepo {
  constructor(private readonly db: Db) {}

  insert(log: NewExecutionLog): void {
    this.db
      .prepare(
        `INSERT INTO execution_logs (id, function_id, workspace_id, at, status, duration, status_code, request_body, response_body, logs, level)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        log.id,
        log.functionId,
        log.workspaceId,
        log.at,
        log.status,
        log.duration,
        log.statusCode,
        asJson(log.requestBody),
        asJson(log.responseBody),
        JSON.stringify(log.logs),
        log.level,
      );
  }

  /** Newest first; `total` counts every stored log of the function, not just this page. */
  byFunction(functionId: string, limit: number): LogsResponse {
    const rows = this.db
      .prepare("SELECT * FROM execution_logs WHERE function_id = ? ORDER BY at DESC, rowid DESC LIMIT ?")
      .all(functionId, limit) as Row[];
    const { n } = this.db.prepare("SELECT COUNT(*) AS n FROM execution_logs WHERE function_id = ?").get(functionId) as {
      n: number;
    };
    return { logs: rows.map(toLog), total: n };
  }

  /** Newest first across the workspace's functions. */
  byWorkspace(workspaceId: string, limit: number): LogsResponse {
    const rows = this.db
      .prepare("SELECT * FROM execution_logs WHERE workspace_id = ? ORDER BY at DESC, rowid DESC LIMIT ?")
      .all(workspaceId, limit) as Row[];
    const { n } = this.db
      .prepare("SELECT COUNT(*) AS n FROM execution_logs WHERE workspace_id = ?")
      .get(workspaceId) as { n: number };
    return { logs: rows.map(toLog), total: n };
  }
}
