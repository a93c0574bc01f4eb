import type { LokiLogEntryDto } from "@/lib/dto/observability";

/** A Loki line held by the live tail, oldest first; `key` identifies it across refreshes. */
export type TailLine = { key: string; timestamp: string; line: string };

/** Enough to scroll back through a burst without the tab growing without bound. */
export const TAIL_BUFFER_MAX = 1000;

const keyOf = (e: LokiLogEntryDto) => `${e.timestamp}\u0000${e.line}`;

/** Nanosecond strings do not fit a double: compare them as decimal strings (length first). */
export function compareNs(a: string, b: string): number {
  const x = a.replace(/^0+(?=\d)/, "");
  const y = b.replace(/^0+(?=\d)/, "");
  if (x.length !== y.length) return x.length - y.length;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Adds a poll's answer (newest first, overlapping the previous one) to the buffer: lines already held
 * (same timestamp and text) are skipped, the rest are placed in time order (newest last), and only
 * the newest `max` are kept. Returns `buffer` itself when nothing is new, so React skips a render.
 */
export function mergeTail(
  buffer: readonly TailLine[],
  incoming: readonly LokiLogEntryDto[],
  max = TAIL_BUFFER_MAX,
): readonly TailLine[] {
  const seen = new Set(buffer.map((l) => l.key));
  const fresh: TailLine[] = [];
  for (const e of incoming) {
    const key = keyOf(e);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push({ key, timestamp: e.timestamp, line: e.line });
  }
  if (fresh.length === 0) return buffer;
  // Stable sort: equal timestamps keep the order Loki gave within a poll, reversed to oldest first.
  fresh.reverse();
  const merged = [...buffer, ...fresh].sort((a, b) => compareNs(a.timestamp, b.timestamp));
  return merged.length > max ? merged.slice(merged.length - max) : merged;
}

/** Splits `text` into runs, marking every case-insensitive occurrence of `query`. */
export function highlightRuns(text: string, query: string): { text: string; match: boolean }[] {
  const lower = text.toLowerCase();
  const needle = query.toLowerCase();
  // Some letters change length when lower-cased (e.g. "İ"); indexes would then point elsewhere.
  if (needle === "" || lower.length !== text.length) return [{ text, match: false }];
  const runs: { text: string; match: boolean }[] = [];
  let from = 0;
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
    if (at > from) runs.push({ text: text.slice(from, at), match: false });
    runs.push({ text: text.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < text.length) runs.push({ text: text.slice(from), match: false });
  return runs;
}

export function filterTail(lines: readonly TailLine[], query: string): readonly TailLine[] {
  const needle = query.trim().toLowerCase();
  return needle === "" ? lines : lines.filter((l) => l.line.toLowerCase().includes(needle));
}
