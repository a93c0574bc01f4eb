"use client";

import useSWR from "swr";
import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { ApiError } from "@/lib/api/api-error";
import type { ApiWorkspaceTask } from "@/lib/dto/task";
import { TaskTable } from "./task-table";
import { isTerminal } from "./task-shape";
import { workspaceTasksKey } from "@/lib/routes";

type Props = {
  workspaceId: string;
  workspaceName: string;
  /** The server's first read, so the table renders at once and SWR only refreshes it. */
  initial: ApiWorkspaceTask[];
  pollMs: number;
};

/** A workspace's task history, re-read every `pollMs` while any task is still pending or running. */
export function LiveTaskTable({ workspaceId, workspaceName, initial, pollMs }: Props) {
  const t = useTranslations("builds");
  const { data, error } = useSWR<ApiWorkspaceTask[], ApiError>(workspaceTasksKey(workspaceId), {
    fallbackData: initial,
    refreshInterval: (latest) => (latest?.some((task) => !isTerminal(task.status)) ? pollMs : 0),
  });
  const tasks = data ?? initial;
  const active = tasks.some((task) => !isTerminal(task.status));
  return (
    <div className="space-y-3">
      {error ? (
        <ErrorPanel title={t("refreshFailed")} message={error.message} code={error.code} requestId={error.requestId} />
      ) : null}
      {tasks.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription", { workspace: workspaceName })} />
      ) : (
        <>
          <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
            {active ? t("autoRefresh", { seconds: Math.round(pollMs / 1000) }) : null}
          </p>
          <TaskTable tasks={tasks} workspaceId={workspaceId} />
        </>
      )}
    </div>
  );
}
