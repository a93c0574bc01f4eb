import type { PrometheusMetricsResponse, PrometheusPoint } from "../../../lib/contract";
import { ApiError } from "../http/errors";
import type { FaultState } from "./faults";
import type { PromMatrix, PromResult, PromVector, PrometheusSource } from "./prometheus-source";

export const WINDOW_SECONDS = 3600;
export const STEP_SECONDS = 60;
export const POINTS = WINDOW_SECONDS / STEP_SECONDS;

/** The PromQL a real deployment runs: container CPU of the function's pods, as a 1-minute rate. */
export function cpuQuery(functionId: string): string {
  return `sum(rate(container_cpu_usage_seconds_total{function_id="${functionId.replace(/["\\]/g, "\\$&")}"}[1m]))`;
}

/**
 * `GET /api/functions/{id}/metrics`: the instant and range queries run independently; one failure
 * makes the answer `partial`, two make it a 503, so the console can show whatever it got.
 */
export class MetricsService {
  constructor(
    private readonly source: PrometheusSource,
    private readonly faults: FaultState,
  ) {}

  async cpu(functionId: string): Promise<PrometheusMetricsResponse> {
    await this.faults.observabilityDelay();
    const query = cpuQuery(functionId);
    const nowSec = Math.floor(Date.now() / 1000);
    // 60 points: the range ends now and its first point is 59 steps earlier.
    const startSec = nowSec - (POINTS - 1) * STEP_SECONDS;

    const fault = this.faults.get().prometheus;
    const failed = (why: string) =>
      Promise.resolve({ ok: false as const, error: `${why} (fault switch prometheus=${fault})` });
    const [instant, range] = await Promise.all([
      fault === "down" ? failed("connection refused") : this.source.instant(functionId, query, nowSec),
      fault === "down" || fault === "partial"
        ? failed("query timed out")
        : this.source.range(functionId, query, startSec, nowSec, STEP_SECONDS),
    ]);

    if (!instant.ok && !range.ok) {
      throw new ApiError(
        503,
        "PROMETHEUS_CONNECTION_ERROR",
        `cannot query Prometheus: ${instant.error}; ${range.error}`,
        {
          instant_error: instant.error,
          range_error: range.error,
        },
      );
    }
    return {
      status: instant.ok && range.ok ? "success" : "partial",
      function_id: functionId,
      data: {
        cpu_total: instant.ok ? vectorTotal(instant) : null,
        cpu_series: range.ok ? matrixSeries(range) : [],
        window_seconds: WINDOW_SECONDS,
        instant_query: query,
        range_query: query,
        ...(instant.ok ? { raw_instant: instant.body } : {}),
        ...(range.ok ? { raw_range: range.body } : {}),
      },
    };
  }
}

function vectorTotal(res: PromResult<PromVector> & { ok: true }): number | null {
  const samples = res.body.data.result;
  if (samples.length === 0) return null;
  return samples.reduce((sum, s) => sum + finite(s.value[1]), 0);
}

/** Sums every returned series per timestamp (one series per pod when not aggregated). */
function matrixSeries(res: PromResult<PromMatrix> & { ok: true }): PrometheusPoint[] {
  const byTime = new Map<number, number>();
  for (const series of res.body.data.result) {
    for (const [t, v] of series.values) byTime.set(Number(t), (byTime.get(Number(t)) ?? 0) + finite(v));
  }
  return [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([timestamp, value]) => ({ timestamp, value }));
}

/** Prometheus sends "NaN" for a rate over no samples; JSON has no NaN, the chart wants a number. */
function finite(value: string): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}
