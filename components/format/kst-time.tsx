import { formatIsoKst, formatKstMs } from "@/components/logs/kst-format";

/**
 * The console's one absolute time format: "2026-12-05 15:04:05 KST", 24-hour, in Korea's zone
 * whatever the browser's, the same in both languages. `kstText` for labels and messages, `KstTime`
 * for a <time> element.
 */
export function kstText(value: string | number): string {
  return `${typeof value === "number" ? formatKstMs(value, false) : formatIsoKst(value)} KST`;
}

export function KstTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{kstText(iso)}</time>;
}
