import { TIME_ZONE } from "@/lib/i18n/config";

/*
 * Log and chart times are always shown in KST, whatever the browser's zone, in one fixed
 * "YYYY-MM-DD HH:mm:ss.SSS" shape: logs are compared by eye across tabs and with the backend's own
 * output, so they must not change shape with the UI language.
 */

const parts = new Intl.DateTimeFormat("en-CA", {
  timeZone: TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

function pieces(ms: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of parts.formatToParts(new Date(ms))) out[p.type] = p.value;
  return out;
}

const pad3 = (n: number) => String(n).padStart(3, "0");

/** Epoch milliseconds → "2025-12-07 12:00:00.123" (KST); `withMs: false` drops the fraction. */
export function formatKstMs(ms: number, withMs = true): string {
  if (!Number.isFinite(ms)) return "—";
  const p = pieces(ms);
  const base = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  return withMs ? `${base}.${pad3(((ms % 1000) + 1000) % 1000)}` : base;
}

/** Loki's nanosecond timestamp (a decimal string) → KST time with milliseconds; anything else as given. */
export function formatLokiTimestamp(ns: string): string {
  if (!/^\d{1,20}$/.test(ns)) return ns;
  return formatKstMs(Number(BigInt(ns) / 1_000_000n));
}

/** An ISO time (the backend's are already +09:00) → KST wall time; unparsable input as given. */
export function formatIsoKst(iso: string, withMs = false): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatKstMs(ms, withMs);
}

/** Unix seconds → "HH:mm" in KST, for a chart's time axis. */
export function formatUnixSecondsKst(seconds: number, withSeconds = false): string {
  const p = pieces(seconds * 1000);
  return withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
}
