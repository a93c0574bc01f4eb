/*
 * Loki and Prometheus answers keep the spec's snake_case names, so a script written against the
 * backend reads the console's answers unchanged.
 */

export type LokiLogEntryDto = { timestamp: string; line: string };
export type LokiLogsDto = { logs: LokiLogEntryDto[]; total: number; function_id: string };

export type MetricsPointDto = { timestamp: number; value: number };
export type MetricsDto = {
  status: "success" | "partial";
  function_id: string;
  data: {
    cpu_total: number | null;
    cpu_series: MetricsPointDto[];
    window_seconds: number;
    instant_query: string;
    range_query: string;
    /** Only for roles allowed "metrics.raw": raw series can name other functions and internal labels. */
    raw_instant?: Record<string, unknown>;
    raw_range?: Record<string, unknown>;
  };
};
