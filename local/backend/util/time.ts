/**
 * Time helpers. The backend stores epoch milliseconds (so 24-hour windows are plain integer
 * comparisons) and renders every timestamp in KST, as the real backend does.
 */
const KST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** `2025-12-07T12:00:00+09:00`; milliseconds only when non-zero, like Python's isoformat(). */
export function toKstIso(epochMs: number): string {
  const shifted = new Date(epochMs + KST_OFFSET_MS).toISOString(); // "YYYY-MM-DDTHH:mm:ss.sssZ"
  const base = shifted.slice(0, 19);
  const millis = shifted.slice(20, 23);
  return `${base}${millis === "000" ? "" : `.${millis}`}+09:00`;
}

/** Epoch ms of an ISO 8601 string that carries an offset (already validated by the contract). */
export function parseIso(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not an ISO 8601 time: ${value}`);
  return ms;
}

let lastNs = 0n;
const originNs = BigInt(Date.now()) * 1_000_000n - process.hrtime.bigint();

/**
 * Nanosecond wall-clock timestamps that never repeat or go backwards within this process, so that
 * Loki-style ordering by timestamp is total (Loki itself keys entries by nanosecond timestamp).
 */
export function nowNs(): bigint {
  let ns = originNs + process.hrtime.bigint();
  if (ns <= lastNs) ns = lastNs + 1n;
  lastNs = ns;
  return ns;
}
