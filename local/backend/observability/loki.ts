import type { LokiLogEntry, LokiLogsResponse } from "../../../lib/contract";
import { ApiError } from "../http/errors";
import type { RunRepo } from "../repos/run-repo";
import type { FaultState } from "./faults";

const LOKI_TIMEOUT_MS = 10_000;
/** How far back a query looks; Loki's own default (1 h) would hide yesterday's runs. */
const LOOKBACK_NS = 7n * 24n * 3600n * 1_000_000_000n;

const connectionError = (why: string) => new ApiError(503, "LOKI_CONNECTION_ERROR", `cannot reach Loki: ${why}`);
const lokiError = (why: string) => new ApiError(500, "LOKI_ERROR", `Loki query failed: ${why}`);

type LokiStreams = {
  status?: string;
  data?: { resultType?: string; result?: { stream?: Record<string, string>; values?: [string, string][] }[] };
};

/**
 * `GET /api/functions/{id}/loki-logs`: the function host's output lines, newest first, as Promtail
 * would have shipped them (label `function_id`); or a real Loki's when LOKI_URL is set.
 */
export class LokiSource {
  constructor(
    private readonly runs: RunRepo,
    private readonly faults: FaultState,
    private readonly lokiUrl: string | null,
  ) {}

  async query(functionId: string, limit: number): Promise<LokiLogsResponse> {
    await this.faults.observabilityDelay();
    const fault = this.faults.get().loki;
    if (fault === "down") throw connectionError("connection refused (fault switch loki=down)");
    if (fault === "error") throw lokiError("500 Internal Server Error (fault switch loki=error)");

    const logs = this.lokiUrl
      ? await this.queryRemote(this.lokiUrl, functionId, limit)
      : this.queryLocal(functionId, limit);
    return { logs, total: logs.length, function_id: functionId };
  }

  private queryLocal(functionId: string, limit: number): LokiLogEntry[] {
    return this.runs.recentLines(functionId, limit).map((l) => ({ timestamp: l.tsNs.toString(), line: l.line }));
  }

  private async queryRemote(base: string, functionId: string, limit: number): Promise<LokiLogEntry[]> {
    const end = BigInt(Date.now()) * 1_000_000n;
    const params = new URLSearchParams({
      query: `{function_id="${functionId.replace(/["\\]/g, "\\$&")}"}`,
      limit: String(limit),
      direction: "backward",
      start: (end - LOOKBACK_NS).toString(),
      end: end.toString(),
    });
    let res: Response;
    try {
      res = await fetch(`${base.replace(/\/+$/, "")}/loki/api/v1/query_range?${params}`, {
        signal: AbortSignal.timeout(LOKI_TIMEOUT_MS),
      });
    } catch (err) {
      throw connectionError(describe(err));
    }
    if (!res.ok) throw lokiError(`${res.status} ${(await res.text().catch(() => "")).slice(0, 300)}`);
    let body: LokiStreams;
    try {
      body = (await res.json()) as LokiStreams;
    } catch {
      throw lokiError("the response is not JSON");
    }
    if (body.status !== "success" || !Array.isArray(body.data?.result)) throw lokiError("unexpected response shape");
    return mergeStreams(body.data.result, limit);
  }
}

/** Loki answers one list per label set: merge them by timestamp, newest first, and cut at `limit`. */
export function mergeStreams(streams: { values?: [string, string][] }[], limit: number): LokiLogEntry[] {
  const all: { ts: bigint; entry: LokiLogEntry }[] = [];
  for (const stream of streams) {
    for (const [timestamp, line] of stream.values ?? []) {
      if (!/^\d{1,20}$/.test(timestamp)) continue;
      all.push({ ts: BigInt(timestamp), entry: { timestamp, line } });
    }
  }
  all.sort((a, b) => (a.ts === b.ts ? 0 : a.ts > b.ts ? -1 : 1));
  return all.slice(0, limit).map((x) => x.entry);
}

export function describe(err: unknown): string {
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e?.name === "TimeoutError") return "timed out";
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(err);
}
