import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { DashboardDeploymentRow } from "@/lib/dto/dashboard";
import { KstTime } from "@/components/format/kst-time";
import { functionHref, workspaceHref } from "@/lib/routes";

const statusClass: Record<string, string> = {
  running: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  succeeded: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
};

/** Deployments run from the console (its store), newest first; each leads to its function's Deploy tab. */
export function RecentDeployments({ rows, unavailable }: { rows: DashboardDeploymentRow[]; unavailable: boolean }) {
  const t = useTranslations("dashboard.deployments");
  if (unavailable) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("unavailable")}</p>;
  if (rows.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("empty")}</p>;
  return (
    <ul
      className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="recent-deployments"
    >
      {rows.map((d) => (
        <li key={d.id} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm">
          <span className="flex min-w-0 items-center gap-3">
            <span
              className={cn(
                "inline-flex rounded-full px-2 py-0.5 text-xs font-medium",
                statusClass[d.status] ?? statusClass.running,
              )}
            >
              {t.has(`status.${d.status}`) ? t(`status.${d.status}`) : d.status}
            </span>
            <Link
              href={`${functionHref(d.workspaceId, d.functionId)}/deploy`}
              className="truncate font-medium text-brand-700 hover:underline dark:text-brand-100"
            >
              {t(d.kind === "rollback" ? "rollbackOf" : "deployOf", { name: d.functionName })}
            </Link>
          </span>
          <span className="flex items-center gap-3 text-zinc-600 dark:text-zinc-400">
            <Link href={workspaceHref(d.workspaceId)} className="hover:underline">
              {d.workspaceName}
            </Link>
            <KstTime iso={d.createdAt} />
          </span>
        </li>
      ))}
    </ul>
  );
}
