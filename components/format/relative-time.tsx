"use client";

import { useFormatter, useNow } from "next-intl";

/** "3 min ago", with the absolute KST time on hover and for assistive tech. */
export function RelativeTime({ iso }: { iso: string | null | undefined }) {
  const format = useFormatter();
  const now = useNow({ updateInterval: 30_000 });
  if (!iso) return <span className="text-zinc-400">—</span>;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return <span>{iso}</span>;
  const absolute = format.dateTime(date, { dateStyle: "medium", timeStyle: "medium", timeZoneName: "short" });
  return (
    <time dateTime={iso} title={absolute}>
      {format.relativeTime(date, now)}
    </time>
  );
}
