import { z } from "zod";

export const lokiLogEntry = z.object({
  /** Nanoseconds since the epoch, as a decimal string (too large for a JS number). */
  timestamp: z.string().regex(/^\d{1,20}$/, "must be nanoseconds since the epoch"),
  line: z.string(),
});
export type LokiLogEntry = z.infer<typeof lokiLogEntry>;

export const lokiLogsResponse = z.object({
  logs: z.array(lokiLogEntry),
  total: z.number().int().min(0),
  function_id: z.string().min(1),
});
export type LokiLogsResponse = z.infer<typeof lokiLogsResponse>;

export const prometheusPoint = z.object({
  timestamp: z.number(),
  value: z.number(),
});
export type PrometheusPoint = z.infer<typeof prometheusPoint>;

export const prometheusMetricsResponse = z.object({
  status: z.enum(["success", "partial"]),
  function_id: z.string().min(1),
  data: z.object({
    cpu_total: z.number().nullable(),
    cpu_series: z.array(prometheusPoint),
    window_seconds: z.number().int().positive(),
    instant_query: z.string(),
    range_query: z.string(),
    raw_instant: z.record(z.string(), z.unknown()).nullish(),
    raw_range: z.record(z.string(), z.unknown()).nullish(),
  }),
});
export type PrometheusMetricsResponse = z.infer<typeof prometheusMetricsResponse>;
