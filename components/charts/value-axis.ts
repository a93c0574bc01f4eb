/*
 * The chart's value axis: from zero up to a round number at or above the largest value, in 1-2-5
 * steps, so the labels read as 0, 0.05, 0.1… and the line never touches the top.
 */

/** The smallest 1, 2 or 5 × 10ⁿ at or above `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}

/** Ticks from 0 to the first step at or above `max`, about `count` steps; [0, 1] when there is nothing to show. */
export function valueTicks(max: number, count = 4): number[] {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const step = niceStep(max / count);
  const top = Math.ceil(max / step - 1e-9) * step;
  const ticks: number[] = [];
  // Rounded to the step's own precision, so 0.1 + 0.2 prints as 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  for (let i = 0; i * step <= top + step / 2; i++) ticks.push(Number((i * step).toFixed(digits)));
  return ticks;
}
