import { describe, expect, it } from "vitest";
import { alignedTicks, tickStep } from "@/components/charts/time-axis";
import { formatUnixSecondsKst } from "@/components/logs/kst-format";

describe("tickStep", () => {
  it.each([
    [3600, 600],
    [1800, 300],
    [600, 120],
    [0, 60],
    [86_400, 14_400],
  ])("a %i s window gets %i s steps", (span, step) => {
    expect(tickStep(span)).toBe(step);
  });
});

describe("alignedTicks", () => {
  // 2024-12-07 18:23:17 KST, an hour's window ending there.
  const end = 1733563397;
  it("labels whole 10-minute marks in KST, not the window's first second", () => {
    const ticks = alignedTicks(end - 3600, end, 600);
    expect(ticks.map((t) => formatUnixSecondsKst(t))).toEqual(["17:30", "17:40", "17:50", "18:00", "18:10", "18:20"]);
  });
  it.each([
    ["bounds on marks are included", 600, 1800, 600, [600, 1200, 1800]],
    ["an empty window", 100, 100, 60, []],
    ["a reversed window", 200, 100, 60, []],
    ["a zero step", 0, 600, 0, []],
  ] as const)("%s", (_n, start, stop, step, expected) => {
    expect(alignedTicks(start, stop, step)).toEqual(expected);
  });
});
