"use client";

import { useFormatter } from "next-intl";
import { useClock } from "./use-clock";

const ABSOLUTE = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
} as const;

/** "3 min ago", with the absolute KST time on hover and for assistive tech. */
export function RelativeTime({ iso }: { iso: string | null | undefined }) {
  const format = useFormatter();
  const now = useClock();
  if (!iso) return <span className="text-zinc-400">—</span>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  // Intl refuses timeZoneName together with dateStyle/timeStyle, so the fields are spelled out.
  const absolute = format.dateTime(date, ABSOLUTE);
  return (
    <time dateTime={iso} title={absolute}>
      {format.relativeTime(date, now)}
    </time>
  );
}
