import { describe, expect, it } from "vitest";
import { valueTicks } from "@/components/charts/value-axis";

describe("valueTicks", () => {
  it.each([
    [1, [0, 0.5, 1]],
    [0.37, [0, 0.1, 0.2, 0.3, 0.4]],
    [0.0042, [0, 0.002, 0.004, 0.006]],
    [3.2, [0, 1, 2, 3, 4]],
    [17, [0, 5, 10, 15, 20]],
    [100, [0, 50, 100]],
  ])("a largest value of %f gets %j", (max, ticks) => {
    expect(valueTicks(max)).toEqual(ticks);
  });

  it.each([[0], [-1], [Number.NaN], [Number.POSITIVE_INFINITY]])("%f gets the empty axis 0..1", (max) => {
    expect(valueTicks(max)).toEqual([0, 1]);
  });

  it("always reaches the largest value, with 3 to 6 ticks", () => {
    for (let max = 0.001; max < 5000; max *= 1.37) {
      const ticks = valueTicks(max);
      expect(ticks.at(-1)).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.length).toBeLessThanOrEqual(6);
    }
  });
});
