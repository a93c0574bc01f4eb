import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { TaskStatusBadge } from "@/components/builds/task-status-badge";
import { taskHref } from "@/lib/routes";
import { EmptyState } from "@/components/ui/empty-state";
import type { DashboardTaskRow } from "@/lib/dto/dashboard";
import { KstTime } from "@/components/format/kst-time";
import { workspaceHref } from "@/lib/routes";

export function RecentTasks({ rows }: { rows: DashboardTaskRow[] }) {
  const t = useTranslations("dashboard.tasks");
  if (rows.length === 0) return <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />;
  return (
    <ul
      className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="recent-tasks"
    >
      {rows.map((task) => (
        <li key={task.taskId} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-3 text-sm">
          <span className="flex min-w-0 items-center gap-3">
            <TaskStatusBadge status={task.status} />
            <Link
              href={taskHref(task.workspaceId, task.taskId)}
              className="truncate font-medium text-brand-700 hover:underline dark:text-brand-100"
            >
              {t("taskName", { app: task.appName ?? t("unnamed"), id: task.taskId.slice(0, 8) })}
            </Link>
          </span>
          <span className="flex items-center gap-3 text-zinc-600 dark:text-zinc-400">
            <Link href={workspaceHref(task.workspaceId)} className="hover:underline">
              {task.workspaceName}
            </Link>
            <KstTime iso={task.updatedAt} />
          </span>
        </li>
      ))}
    </ul>
  );
}
