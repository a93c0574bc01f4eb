import type { Db } from "../db/open";

export type OutputLine = { tsNs: bigint; stream: "stdout" | "stderr"; text: string };

export type RunRecord = {
  id: string;
  functionId: string;
  startedAt: number;
  endedAt: number;
  outcome: string;
  statusCode: number;
  cpuSeconds: number;
  maxRssKb: number | null;
};

/**
 * What the function host observed of each process: its CPU time (the Prometheus stand-in's
 * source) and its output lines (the Loki stand-in's source).
 */
export class RunRepo {
  constructor(private readonly db: Db) {}

  /** Stores a run with its lines atomically; false when the function was deleted meanwhile. */
  record(run: RunRecord, lines: readonly OutputLine[]): boolean {
    const insertRun = this.db.prepare(
      `INSERT INTO function_runs (id, function_id, started_at, ended_at, outcome, status_code, cpu_seconds, max_rss_kb)
       VALUES (@id, @functionId, @startedAt, @endedAt, @outcome, @statusCode, @cpuSeconds, @maxRssKb)`,
    );
    const insertLine = this.db.prepare(
      "INSERT INTO output_lines (function_id, run_id, ts_ns, stream, line) VALUES (?, ?, ?, ?, ?)",
    );
    try {
      this.db.transaction(() => {
        insertRun.run(run);
        for (const l of lines) insertLine.run(run.functionId, run.id, l.tsNs, l.stream, l.text);
      })();
      return true;
    } catch (err) {
      if ((err as { code?: string }).code === "SQLITE_CONSTRAINT_FOREIGNKEY") return false;
      throw err;
    }
  }

  linesOfRun(runId: string): string[] {
    return (
      this.db.prepare("SELECT line FROM output_lines WHERE run_id = ? ORDER BY ts_ns").all(runId) as { line: string }[]
    ).map((r) => r.line);
  }

  /** Newest first, with exact nanosecond timestamps (64-bit integers do not fit a JS number). */
  recentLines(functionId: string, limit: number): { tsNs: bigint; line: string }[] {
    const rows = this.db
      .prepare("SELECT ts_ns, line FROM output_lines WHERE function_id = ? ORDER BY ts_ns DESC LIMIT ?")
      .safeIntegers(true)
      .all(functionId, limit) as { ts_ns: bigint; line: string }[];
    return rows.map((r) => ({ tsNs: r.ts_ns, line: r.line }));
  }

  /** CPU seconds per run that ended at or after `since` (epoch ms), oldest first. */
  cpuSince(functionId: string, since: number): { endedAt: number; startedAt: number; cpuSeconds: number }[] {
    return (
      this.db
        .prepare(
          "SELECT started_at, ended_at, cpu_seconds FROM function_runs WHERE function_id = ? AND ended_at >= ? ORDER BY ended_at",
        )
        .all(functionId, since) as { started_at: number; ended_at: number; cpu_seconds: number }[]
    ).map((r) => ({ startedAt: r.started_at, endedAt: r.ended_at, cpuSeconds: r.cpu_seconds }));
  }
}
