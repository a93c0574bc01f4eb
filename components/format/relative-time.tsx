"use client";

import { useFormatter } from "next-intl";
import { useClock } from "./use-clock";
import { kstText } from "@/components/format/kst-time";

/** "3 min ago", with the absolute KST time on hover and for assistive tech. */
export function RelativeTime({ iso }: { iso: string | null | undefined }) {
  const format = useFormatter();
  const now = useClock();
  if (!iso) return <span className="text-zinc-400">—</span>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  return (
    <time dateTime={iso} title={kstText(iso)}>
      {format.relativeTime(date, now)}
    </time>
  );
}
