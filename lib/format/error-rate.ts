/** Colour band for an error rate in percent: the same scale on every card and table. */
export type ErrorRateBand = "none" | "low" | "elevated" | "high";

export function errorRateBand(rate: number, invocations: number): ErrorRateBand {
  if (invocations === 0) return "none";
  if (rate < 1) return "low";
  if (rate < 5) return "elevated";
  return "high";
}

/** Error rate across several groups, weighted by their invocations. */
export function weightedErrorRate(items: ReadonlyArray<{ errorRate: number; invocations24h: number }>): number {
  const total = items.reduce((n, i) => n + i.invocations24h, 0);
  if (total === 0) return 0;
  return items.reduce((sum, i) => sum + i.errorRate * i.invocations24h, 0) / total;
}
