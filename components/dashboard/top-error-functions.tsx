import { Link } from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorRateBadge } from "@/components/workspaces/error-rate-badge";
import type { DashboardFunctionRow } from "@/lib/dto/dashboard";
import { functionHref, workspaceHref } from "@/lib/routes";

const thNum = "px-3 py-2 text-right font-medium";
const td = "px-3 py-2 text-right tabular-nums";

export function TopErrorFunctions({ rows }: { rows: DashboardFunctionRow[] }) {
  const t = useTranslations("dashboard.topErrors");
  const format = useFormatter();
  if (rows.length === 0) return <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />;
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-sm" data-testid="top-error-functions">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="bg-zinc-50 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-200">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("function")}
            </th>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              {t("workspace")}
            </th>
            <th scope="col" className={thNum}>
              {t("errors")}
            </th>
            <th scope="col" className={thNum}>
              {t("invocations")}
            </th>
            <th scope="col" className={thNum}>
              {t("errorRate")}
            </th>
            <th scope="col" className={thNum}>
              {t("avgDuration")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((f) => (
            <tr key={`${f.workspaceId}/${f.id}`} data-function-id={f.id}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link
                  href={functionHref(f.workspaceId, f.id)}
                  className="text-brand-700 hover:underline dark:text-brand-100"
                >
                  {f.name}
                </Link>
              </th>
              <td className="px-3 py-2">
                <Link
                  href={workspaceHref(f.workspaceId)}
                  className="text-brand-700 hover:underline dark:text-brand-100"
                >
                  {f.workspaceName}
                </Link>
              </td>
              <td className={td} data-col="errors">
                {format.number(f.errors24h)}
              </td>
              <td className={td}>{format.number(f.invocations24h)}</td>
              <td className={td}>
                <ErrorRateBadge rate={f.errorRate} invocations={f.invocations24h} />
              </td>
              <td className={td}>{t("ms", { value: format.number(f.avgDuration, { maximumFractionDigits: 0 }) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
