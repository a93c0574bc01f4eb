import { useFormatter, useTranslations } from "next-intl";
import type { DashboardTrendPoint } from "@/lib/dto/dashboard";
import { KstTime } from "@/components/format/kst-time";

type Series = { key: "invocations24h" | "errorRate"; className: string };
const SERIES: Series[] = [
  { key: "invocations24h", className: "stroke-brand-600 dark:stroke-brand-100" },
  { key: "errorRate", className: "stroke-red-600 dark:stroke-red-300" },
];
const W = 320;
const H = 64;

function path(values: number[]): string {
  const max = Math.max(...values);
  const min = Math.min(...values);
  const span = max - min || 1;
  return values
    .map(
      (v, i) =>
        `${i === 0 ? "M" : "L"}${((i / Math.max(1, values.length - 1)) * W).toFixed(1)},${(H - 4 - ((v - min) / span) * (H - 8)).toFixed(1)}`,
    )
    .join(" ");
}

/** 7-day trends of the headline figures, from the console's hourly snapshots; the summary is text. */
export function TrendChart({ points }: { points: DashboardTrendPoint[] }) {
  const t = useTranslations("dashboard.trend");
  const format = useFormatter();
  if (points.length < 2) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("notEnough")}</p>;
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const value = (key: Series["key"], v: number) =>
    key === "errorRate" ? format.number(v / 100, { style: "percent", maximumFractionDigits: 2 }) : format.number(v);
  return (
    <div className="grid gap-4 md:grid-cols-2" data-testid="dashboard-trend">
      {SERIES.map((s) => {
        const values = points.map((p) => p[s.key]);
        return (
          <figure
            key={s.key}
            className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
          >
            <figcaption className="text-sm font-medium">{t(s.key)}</figcaption>
            <svg viewBox={`0 0 ${W} ${H}`} className="mt-2 h-16 w-full" preserveAspectRatio="none" aria-hidden="true">
              <path
                d={path(values)}
                fill="none"
                strokeWidth={2}
                vectorEffect="non-scaling-stroke"
                className={s.className}
              />
            </svg>
            <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
              {t.rich("summary", {
                from: () => <KstTime iso={first.at} />,
                to: () => <KstTime iso={last.at} />,
                start: value(s.key, first[s.key]),
                end: value(s.key, last[s.key]),
                min: value(s.key, Math.min(...values)),
                max: value(s.key, Math.max(...values)),
              })}
            </p>
          </figure>
        );
      })}
    </div>
  );
}
