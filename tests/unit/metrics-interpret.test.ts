import { describe, expect, it } from "vitest";
import { errorRatePercent, interpretMetrics } from "@/components/metrics/interpret-metrics";
import type { MetricsDto } from "@/lib/dto/observability";

const NOW = 1_733_540_400;
const series = [
  { timestamp: NOW - 60, value: 0.1 },
  { timestamp: NOW - 120, value: 0.2 },
];
const dto = (status: MetricsDto["status"], data: Partial<MetricsDto["data"]>): MetricsDto => ({
  status,
  function_id: "fn-1",
  data: { cpu_total: 0.5, cpu_series: series, window_seconds: 3600, instant_query: "q", range_query: "q", ...data },
});

describe("interpretMetrics: which query failed", () => {
  it.each([
    ["complete answer", dto("success", {}), [], false],
    [
      "complete, idle function (no samples) is not a failure",
      dto("success", { cpu_total: null, cpu_series: [] }),
      [],
      false,
    ],
    ["partial, instant failed (viewer: no raw)", dto("partial", { cpu_total: null }), ["instant"], false],
    ["partial, range failed (viewer: no raw)", dto("partial", { cpu_series: [] }), ["range"], false],
    [
      "partial, developer: raw_range missing names the range query",
      dto("partial", { cpu_series: [], cpu_total: null, raw_instant: {} }),
      ["range"],
      false,
    ],
    [
      "partial, developer: raw_instant missing names the instant query",
      dto("partial", { cpu_total: null, raw_range: {} }),
      ["instant"],
      false,
    ],
    ["partial with nothing visibly missing", dto("partial", {}), [], true],
  ] as const)("%s", (_n, input, failed, unknown) => {
    const view = interpretMetrics(input, NOW);
    expect(view.failed).toEqual(failed);
    expect(view.partialUnknown).toBe(unknown);
  });
});

describe("interpretMetrics: series and window", () => {
  it("sorts the series and ends the window at its last point", () => {
    const view = interpretMetrics(dto("success", {}), NOW + 30);
    expect(view.series.map((p) => p.timestamp)).toEqual([NOW - 120, NOW - 60]);
    expect(view.window).toEqual({ start: NOW - 60 - 3600, end: NOW - 60 });
  });
  it("without a series the window ends now", () => {
    expect(interpretMetrics(dto("partial", { cpu_series: [] }), NOW).window).toEqual({ start: NOW - 3600, end: NOW });
  });
  it("a zero window falls back to an hour", () => {
    expect(interpretMetrics(dto("success", { window_seconds: 0, cpu_series: [] }), NOW).window.start).toBe(NOW - 3600);
  });
});

describe("errorRatePercent", () => {
  it.each([
    [0, 0, null],
    [3, 0, null],
    [0, 10, 0],
    [1, 4, 25],
    [10, 10, 100],
  ])("%i errors of %i invocations → %s", (errors, invocations, expected) => {
    expect(errorRatePercent(errors, invocations)).toBe(expected);
  });
});
