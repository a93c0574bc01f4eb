import type { MetricsDto, MetricsPointDto } from "@/lib/dto/observability";

export type MetricsQuery = "instant" | "range";

export type MetricsView = {
  cpuTotal: number | null;
  series: MetricsPointDto[];
  /** Which query the backend could not run; empty when the answer is complete. */
  failed: MetricsQuery[];
  /** `partial`, but the answer does not show which query failed. */
  partialUnknown: boolean;
  /** The time span the chart's axis covers, in unix seconds. */
  window: { start: number; end: number };
};

/**
 * Reads a metrics answer. A `partial` answer does not name the failed query, so the backend's rules
 * are used: a failed instant query leaves `cpu_total` null, a failed range query an empty series.
 * For roles given the raw answers, a missing raw_* says it outright (empty results are not failures).
 */
export function interpretMetrics(dto: MetricsDto, nowSeconds: number): MetricsView {
  const d = dto.data;
  const failed: MetricsQuery[] = [];
  if (dto.status === "partial") {
    const hasRaw = d.raw_instant !== undefined || d.raw_range !== undefined;
    if (hasRaw ? d.raw_instant === undefined : d.cpu_total === null) failed.push("instant");
    if (hasRaw ? d.raw_range === undefined : d.cpu_series.length === 0) failed.push("range");
  }
  const series = [...d.cpu_series].sort((a, b) => a.timestamp - b.timestamp);
  const windowSeconds = d.window_seconds > 0 ? d.window_seconds : 3600;
  // The server's clock places the series; the browser's is only used when there is no series.
  const end = series.length > 0 ? series[series.length - 1]!.timestamp : nowSeconds;
  return {
    cpuTotal: d.cpu_total,
    series,
    failed,
    partialUnknown: dto.status === "partial" && failed.length === 0,
    window: { start: end - windowSeconds, end },
  };
}

/** errors / invocations in percent; null when nothing ran (0 % would claim a healthy function). */
export function errorRatePercent(errors: number, invocations: number): number | null {
  if (!(invocations > 0)) return null;
  return (Math.max(0, errors) / invocations) * 100;
}
