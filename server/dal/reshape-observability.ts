import "server-only";
import type { LokiLogsResponse, PrometheusMetricsResponse } from "@/lib/contract";
import type { LokiLogsDto, MetricsDto } from "@/lib/dto/observability";
import { redactStrings, scrubForBrowser } from "@/server/secrets/browser-safe";

export function reshapeLokiLogs(r: LokiLogsResponse): LokiLogsDto {
  return redactStrings({
    logs: r.logs.map((e) => ({ timestamp: e.timestamp, line: e.line })),
    total: r.total,
    function_id: r.function_id,
  });
}

/** `includeRaw`: only for roles allowed "metrics.raw"; the raw answers are scrubbed even then. */
export function reshapeMetrics(r: PrometheusMetricsResponse, includeRaw: boolean): MetricsDto {
  const d = r.data;
  const data: MetricsDto["data"] = {
    cpu_total: d.cpu_total,
    cpu_series: d.cpu_series.map((p) => ({ timestamp: p.timestamp, value: p.value })),
    window_seconds: d.window_seconds,
    instant_query: d.instant_query,
    range_query: d.range_query,
  };
  if (includeRaw && d.raw_instant) data.raw_instant = scrubForBrowser(d.raw_instant) as Record<string, unknown>;
  if (includeRaw && d.raw_range) data.raw_range = scrubForBrowser(d.raw_range) as Record<string, unknown>;
  // The queries and ids are relayed text like any other: a hostile backend may quote a secret in them.
  return redactStrings({ status: r.status, function_id: r.function_id, data });
}
