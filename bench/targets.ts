/** One figure of the list, printed against its target. */
export type Check = { figure: string; measured: string; target: string; met: boolean };

export function check(figure: string, value: number, unit: string, op: "<=" | ">=", limit: number): Check {
  const met = op === "<=" ? value <= limit : value >= limit;
  return {
    figure,
    measured: `${value} ${unit}`.trim(),
    target: `${op === "<=" ? "≤" : "≥"} ${limit} ${unit}`.trim(),
    met,
  };
}

export function printChecks(checks: Check[]): void {
  console.log("\nTargets");
  console.table(
    checks.map((c) => ({ figure: c.figure, measured: c.measured, target: c.target, met: c.met ? "yes" : "NO" })),
  );
  const missed = checks.filter((c) => !c.met).length;
  console.log(missed === 0 ? `all ${checks.length} targets met` : `${missed} of ${checks.length} targets missed`);
}
