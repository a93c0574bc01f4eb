"use client";

import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { toast } from "sonner";
import { RelativeTime } from "@/components/format/relative-time";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { ApiTaskStatus } from "@/lib/dto/task";
import { DeployLinkPanel } from "./deploy-link-panel";
import { PushPanel } from "./push-panel";
import { workspaceBuildsHref } from "@/lib/routes";
import { TaskResult } from "./task-result";
import { imageOf, isTerminal, s3LocationOf } from "./task-shape";
import { TaskStatusBadge } from "./task-status-badge";
import { TaskSteps } from "./task-steps";
import { useTaskWatch } from "./use-task-watch";

type Props = {
  workspaceId: string;
  initial: ApiTaskStatus;
  /** From the workspace's history; null when the task is not among its latest entries. */
  meta: { appName: string | null; createdAt: string; updatedAt: string } | null;
  pollMs: number;
  /** The `source_s3_path` the build answered when it was started, if the page was opened from there. */
  startedFrom: string | null;
  canBuild: boolean;
  /** Whether the user may push (and is offered Push on a finished build-only task). */
  canPush: boolean;
  /** Set for users who may deploy: the functions an image can go to, and the one named like the app. */
  deploy: { functions: { id: string; name: string }[]; suggested: string | null } | null;
};

/** One task, followed live until it ends: status steps, what it produced or why it failed, what to do next. */
export function TaskDetail({ workspaceId, initial, meta, pollMs, startedFrom, canBuild, canPush, deploy }: Props) {
  const t = useTranslations("builds.detail");
  const { task, error, polling, expired, rewatch } = useTaskWatch(initial.task_id, initial, pollMs);
  const image = imageOf(task.result);
  const sourcePath = s3LocationOf(task.result, startedFrom);
  const announced = useRef(isTerminal(initial.status));

  // Only a change seen on this page is news; opening a task that ended long ago toasts nothing.
  useEffect(() => {
    if (announced.current || !isTerminal(task.status)) return;
    announced.current = true;
    if (task.status === "failed") toast.error(t("failedToast"));
    else toast.success(t("completedToast"));
  }, [task.status, t]);

  return (
    <div className="space-y-4">
      <Card className="space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-center gap-3" aria-live="polite">
            <span data-testid="task-status">
              <TaskStatusBadge status={task.status} />
            </span>
            {polling ? (
              <span className="text-xs text-zinc-500 dark:text-zinc-400">
                {t("polling", { seconds: Math.round(pollMs / 1000) })}
              </span>
            ) : null}
          </div>
          {meta ? (
            <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
              <div className="flex gap-2">
                <dt className="text-zinc-500 dark:text-zinc-400">{t("app")}</dt>
                <dd className="font-mono text-xs leading-5">{meta.appName ?? "—"}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="text-zinc-500 dark:text-zinc-400">{t("created")}</dt>
                <dd>
                  <RelativeTime iso={meta.createdAt} />
                </dd>
              </div>
            </dl>
          ) : null}
        </div>
        <TaskSteps status={task.status} />
        {expired ? (
          <div
            role="status"
            className="flex flex-wrap items-center gap-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200"
          >
            <span>{t("stillRunning")}</span>
            <Button size="sm" onClick={rewatch}>
              {t("keepWatching")}
            </Button>
          </div>
        ) : null}
        {error ? (
          <ErrorPanel
            title={t("refreshFailed")}
            message={error.message}
            code={error.code}
            requestId={error.requestId}
          />
        ) : null}
        {task.result ? <TaskResult result={task.result} /> : null}
        {task.error ? (
          <div className="space-y-1">
            <h2 className="text-sm font-medium text-red-800 dark:text-red-300">{t("error")}</h2>
            <pre
              data-testid="task-error"
              className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-md border border-red-200 bg-red-50 p-3 font-mono text-xs text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
            >
              {task.error}
            </pre>
          </div>
        ) : null}
      </Card>

      {(task.status === "completed" || task.status === "done") && !image && canPush ? (
        <Card>
          {sourcePath ? (
            <PushPanel
              workspaceId={workspaceId}
              buildTaskId={task.task_id}
              sourcePath={sourcePath}
              appName={meta?.appName ?? null}
            />
          ) : (
            <p role="note" data-testid="push-unavailable" className="text-sm text-zinc-600 dark:text-zinc-400">
              {t("noS3Location")}
            </p>
          )}
        </Card>
      ) : null}
      {image && deploy ? (
        <Card>
          <DeployLinkPanel
            workspaceId={workspaceId}
            image={image}
            functions={deploy.functions}
            suggested={deploy.suggested}
          />
        </Card>
      ) : null}
      {task.status === "failed" && canBuild ? (
        <Link
          href={`${workspaceBuildsHref(workspaceId)}?new=1`}
          className="inline-block text-sm text-brand-700 hover:underline dark:text-brand-100"
        >
          {t("newBuild")}
        </Link>
      ) : null}
    </div>
  );
}
