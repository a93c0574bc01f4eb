/*
 * The chart's time axis is a LinearScale over unix seconds (no date adapter is installed); these
 * place its labels. KST is UTC+9 exactly, so whole minutes and 10-minute marks agree in both zones.
 */

/** About six labels over `spanSeconds`, on whole minutes: 10-minute steps for the default hour. */
export function tickStep(spanSeconds: number): number {
  const span = Math.max(60, spanSeconds);
  return Math.max(60, Math.round(span / 6 / 60) * 60);
}

/** Multiples of `step` seconds inside [start, end]. */
export function alignedTicks(start: number, end: number, step: number): number[] {
  if (!(step > 0) || !(end >= start)) return [];
  const out: number[] = [];
  for (let t = Math.ceil(start / step) * step; t <= end; t += step) out.push(t);
  return out;
}
