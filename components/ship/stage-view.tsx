"use client";

import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import useSWR from "swr";
import { taskHref } from "@/lib/routes";
import { RelativeTime } from "@/components/format/relative-time";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { ApiError } from "@/lib/api/api-error";
import { fetchJson } from "@/lib/api/fetcher";
import type { ShipRunDto, StageDto } from "@/lib/ship/run";
import { deploymentKey } from "@/lib/routes";

const STATE_CLASSES: Record<StageDto["state"], string> = {
  pending: "border-zinc-200 dark:border-zinc-800",
  running: "border-brand-400 dark:border-brand-600",
  succeeded: "border-emerald-300 dark:border-emerald-800",
  failed: "border-red-300 dark:border-red-800",
};

function seconds(stage: StageDto): number | null {
  if (!stage.startedAt) return null;
  const end = stage.finishedAt ? Date.parse(stage.finishedAt) : null;
  return end ? Math.max(0, Math.round((end - Date.parse(stage.startedAt)) / 100) / 10) : null;
}

/**
 * One run's stages, read from the server (the run lives there, not in this tab): polled every second
 * while it runs, so a reload, another tab or a later visit shows the same progress.
 */
export function StageView({
  workspaceId,
  functionId,
  runId,
  canRetry,
  retrying,
  onRetry,
  onSettled,
}: {
  workspaceId: string;
  functionId: string;
  runId: string;
  canRetry: boolean;
  retrying: boolean;
  onRetry: (run: ShipRunDto) => void;
  onSettled?: (run: ShipRunDto) => void;
}) {
  const t = useTranslations("ship");
  const { data: run, error } = useSWR<ShipRunDto, ApiError>(deploymentKey(workspaceId, functionId, runId), fetchJson, {
    refreshInterval: (latest) => (latest && latest.status !== "running" ? 0 : 1000),
    onSuccess: (r) => {
      if (r.status !== "running") onSettled?.(r);
    },
  });
  if (error && !run)
    return (
      <ErrorPanel title={t("run.loadFailed")} message={error.message} code={error.code} requestId={error.requestId} />
    );
  if (!run) return <div className="h-40 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" aria-busy="true" />;
  const failed = run.stages.find((s) => s.state === "failed");
  const title =
    run.kind === "rollback"
      ? t("run.rollbackTitle", { image: run.imageRef ?? "" })
      : t("run.deployTitle", { hash: run.codeHash.slice(0, 8) });
  return (
    <section
      aria-label={title}
      data-testid="ship-run"
      data-status={run.status}
      className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h3 className="font-medium">{title}</h3>
        <span
          role="status"
          className={cn(
            "rounded px-2 py-0.5 text-xs font-medium",
            run.status === "failed"
              ? "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200"
              : run.status === "succeeded"
                ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
                : "bg-brand-50 text-brand-700 dark:bg-brand-950 dark:text-brand-100",
          )}
        >
          {t(`run.status.${run.status}`)}
        </span>
        <span className="text-sm text-zinc-500 dark:text-zinc-400">
          {t("run.by", { who: run.createdBy })} · <RelativeTime iso={run.createdAt} />
        </span>
        {failed && canRetry ? (
          <Button
            size="sm"
            variant="primary"
            className="ml-auto"
            disabled={retrying}
            aria-busy={retrying}
            onClick={() => onRetry(run)}
          >
            {t("run.retry", { stage: t(`stage.${failed.name}`) })}
          </Button>
        ) : null}
      </div>
      <ol className="space-y-2">
        {run.stages.map((stage) => (
          <li
            key={stage.name}
            data-testid={`stage-${stage.name}`}
            data-state={stage.state}
            className={cn("rounded-md border-l-4 bg-zinc-50 p-3 dark:bg-zinc-900/50", STATE_CLASSES[stage.state])}
          >
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium">{t(`stage.${stage.name}`)}</span>
              <span className="text-zinc-600 dark:text-zinc-400">{t(`stage.state.${stage.state}`)}</span>
              {seconds(stage) !== null ? (
                <span className="text-zinc-500 dark:text-zinc-400">
                  {t("run.seconds", { seconds: seconds(stage)! })}
                </span>
              ) : null}
              {stage.taskId ? (
                <Link
                  href={taskHref(workspaceId, stage.taskId)}
                  className="ml-auto text-brand-700 hover:underline dark:text-brand-100"
                >
                  {t("run.task", { id: stage.taskId })}
                </Link>
              ) : null}
            </div>
            {stage.error ? (
              <div className="mt-2">
                <p className="text-xs font-medium text-red-800 dark:text-red-300">{t("stage.error")}</p>
                <pre className="mt-1 overflow-x-auto whitespace-pre-wrap text-xs text-red-900 dark:text-red-200">
                  {stage.error}
                </pre>
              </div>
            ) : null}
            {stage.output ? (
              <details className="mt-2" open={stage.name === "smoke" || stage.name === "build"}>
                <summary className="cursor-pointer text-xs text-zinc-600 dark:text-zinc-400">
                  {t("stage.output")}
                </summary>
                <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap text-xs">{stage.output}</pre>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
