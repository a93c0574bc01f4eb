import { Link } from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import { ErrorRateBadge } from "@/components/workspaces/error-rate-badge";
import type { DashboardWorkspaceRow } from "@/lib/dto/dashboard";
import { workspaceHref } from "@/lib/routes";

const th = "px-3 py-2 text-left font-medium";
const thNum = "px-3 py-2 text-right font-medium";
const td = "px-3 py-2 text-right tabular-nums";

/** Invocations per workspace as bars (the busiest first), then every workspace's figures in a table. */
export function WorkspaceFigures({ rows }: { rows: DashboardWorkspaceRow[] }) {
  const t = useTranslations("dashboard.workspaces");
  const format = useFormatter();
  const sorted = [...rows].sort((a, b) => b.invocations24h - a.invocations24h || a.name.localeCompare(b.name));
  const bars = sorted.slice(0, 12);
  const max = Math.max(1, ...bars.map((r) => r.invocations24h));
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
        <figcaption className="mb-3 text-sm font-medium">{t("chartCaption", { count: bars.length })}</figcaption>
        <ul className="space-y-2" data-testid="workspace-bars">
          {bars.map((r) => (
            <li key={r.id} className="grid grid-cols-[minmax(0,9rem)_1fr_auto] items-center gap-3 text-sm">
              <span className="truncate" title={r.name}>
                {r.name}
              </span>
              <span className="h-3 rounded-sm bg-zinc-100 dark:bg-zinc-800" aria-hidden="true">
                <span
                  className={`block h-3 rounded-sm ${r.errorRate >= 5 ? "bg-red-500" : r.errorRate >= 1 ? "bg-amber-500" : "bg-brand-600"}`}
                  style={{ width: `${(r.invocations24h / max) * 100}%` }}
                />
              </span>
              <span className="tabular-nums text-zinc-700 dark:text-zinc-300">
                {t("barValue", {
                  invocations: format.number(r.invocations24h),
                  rate: format.number(r.errorRate / 100, { style: "percent", maximumFractionDigits: 1 }),
                })}
              </span>
            </li>
          ))}
        </ul>
      </figure>
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-sm" data-testid="workspace-table">
          <caption className="sr-only">{t("tableCaption")}</caption>
          <thead className="bg-zinc-50 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
            <tr>
              <th scope="col" className={th}>
                {t("name")}
              </th>
              <th scope="col" className={thNum}>
                {t("functions")}
              </th>
              <th scope="col" className={thNum}>
                {t("invocations")}
              </th>
              <th scope="col" className={thNum}>
                {t("errors")}
              </th>
              <th scope="col" className={thNum}>
                {t("errorRate")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {sorted.map((r) => (
              <tr key={r.id} data-workspace-id={r.id}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={workspaceHref(r.id)} className="text-brand-700 hover:underline dark:text-brand-100">
                    {r.name}
                  </Link>
                </th>
                <td className={td}>{format.number(r.functionCount)}</td>
                <td className={td} data-col="invocations">
                  {format.number(r.invocations24h)}
                </td>
                <td className={td} data-col="errors">
                  {format.number(r.errors24h)}
                </td>
                <td className={td}>
                  <ErrorRateBadge rate={r.errorRate} invocations={r.invocations24h} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
