/**
 * Schema migrations, applied in order at start-up and recorded in `PRAGMA user_version`.
 * Append new entries; never edit one that has shipped (existing .data directories ran it already).
 *
 * Times are epoch milliseconds (integers), Loki line times nanoseconds (64-bit integers).
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the resources of backend-api.md, plus what the function host records for Loki/Prometheus.
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

  CREATE TABLE workspaces (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE functions (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT,
    runtime TEXT NOT NULL,
    memory INTEGER NOT NULL,
    timeout INTEGER NOT NULL,
    http_methods TEXT NOT NULL,          -- JSON array
    environment TEXT NOT NULL,           -- JSON object
    object_key TEXT NOT NULL,            -- the decoded source in the object store (the S3 stand-in)
    invocation_url TEXT,
    status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
    created_at INTEGER NOT NULL,
    last_modified INTEGER NOT NULL,
    last_deployed INTEGER
  );
  CREATE INDEX functions_by_workspace ON functions(workspace_id, created_at);

  -- ExecutionLog: one row per invoke (the DynamoDB execution log table).
  CREATE TABLE execution_logs (
    id TEXT PRIMARY KEY,
    function_id TEXT NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL,          -- denormalised: workspace logs are one indexed scan
    at INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('success', 'error')),
    duration REAL NOT NULL,
    status_code INTEGER NOT NULL,
    request_body TEXT,                   -- JSON text; NULL when absent
    response_body TEXT,
    logs TEXT NOT NULL,                  -- JSON array of strings
    level TEXT NOT NULL CHECK (level IN ('info', 'warn', 'error'))
  );
  CREATE INDEX execution_logs_by_function ON execution_logs(function_id, at DESC);
  CREATE INDEX execution_logs_by_workspace ON execution_logs(workspace_id, at DESC);

  -- One row per process the function host ran: the CPU seconds behind the metrics stand-in.
  CREATE TABLE function_runs (
    id TEXT PRIMARY KEY,
    function_id TEXT NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
    started_at INTEGER NOT NULL,
    ended_at INTEGER NOT NULL,
    outcome TEXT NOT NULL,
    status_code INTEGER NOT NULL,
    cpu_seconds REAL NOT NULL,
    max_rss_kb INTEGER
  );
  CREATE INDEX function_runs_by_function ON function_runs(function_id, ended_at);

  -- What the function's process printed: the Loki stand-in (Promtail would ship these lines).
  CREATE TABLE output_lines (
    function_id TEXT NOT NULL REFERENCES functions(id) ON DELETE CASCADE,
    run_id TEXT NOT NULL,
    ts_ns INTEGER NOT NULL,
    stream TEXT NOT NULL CHECK (stream IN ('stdout', 'stderr')),
    line TEXT NOT NULL
  );
  CREATE INDEX output_lines_by_function ON output_lines(function_id, ts_ns DESC);
  CREATE INDEX output_lines_by_run ON output_lines(run_id, ts_ns);

  -- Build/deploy task history (filled by the builder pipeline); deleted with its workspace.
  CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    workspace_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    app_name TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    result TEXT,                         -- JSON
    error TEXT,
    payload TEXT                         -- JSON: what the task was asked to do
  );
  CREATE INDEX tasks_by_workspace ON tasks(workspace_id, created_at DESC);
  `,

  // 2: the build/push pipeline (issue 4). Object keys of a task's uploaded source and built Spin
  // package, so push can find "the latest completed build"; and the deployments the embedded
  // SpinApp controller knows (the endpoint appears on the second ask, as the Builder's does).
  `
  ALTER TABLE tasks ADD COLUMN source_key TEXT;
  ALTER TABLE tasks ADD COLUMN artifact_key TEXT;
  -- Start-up recovery looks for tasks a previous process left pending or running.
  CREATE INDEX tasks_by_status ON tasks(status);
  CREATE INDEX tasks_by_artifact ON tasks(workspace_id, status, created_at DESC) WHERE artifact_key IS NOT NULL;

  CREATE TABLE deployments (
    namespace TEXT NOT NULL,
    app_name TEXT NOT NULL,
    image_ref TEXT NOT NULL,
    function_id TEXT,
    spec TEXT NOT NULL,                  -- JSON: the validated deploy request (replicas dropped with autoscaling)
    endpoint TEXT,                       -- NULL until the controller reports it
    asks INTEGER NOT NULL DEFAULT 0,     -- status queries since the last apply
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (namespace, app_name)
  );
  `,
];
