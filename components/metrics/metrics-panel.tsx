"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import useSWR from "swr";
import type { MetricsDto } from "@/lib/dto/observability";
import { useRetryWhileFailing } from "@/components/logs/use-retry-while-failing";
import { formatKstMs } from "@/components/logs/kst-format";
import { CpuChartCard } from "./cpu-chart-card";
import { DeveloperDetails } from "./developer-details";
import { interpretMetrics } from "./interpret-metrics";
import { MetricStats, type FunctionStats } from "./metric-stats";
import { PartialBadge } from "./partial-badge";
import { functionApi, metricsKey } from "@/lib/routes";

export const METRICS_REFRESH_MS = 60_000;

/**
 * The Metrics tab. Prometheus (CPU) and the backend's counters are separate reads: when Prometheus
 * fails, the counters still show and the failure stays in the chart's card.
 */
export function MetricsPanel({
  workspaceId,
  functionId,
  initialStats,
  canSeeRaw,
}: {
  workspaceId: string;
  functionId: string;
  initialStats: FunctionStats;
  canSeeRaw: boolean;
}) {
  const t = useTranslations("metrics");
  const [fetchedAt, setFetchedAt] = useState<number | null>(null);
  // A cached answer (tab revisited) arrives without onSuccess: the mount time stands in for "now".
  const [mountedAt] = useState(() => Date.now());
  const metrics = useSWR<MetricsDto>(metricsKey(functionId), {
    refreshInterval: METRICS_REFRESH_MS,
    onSuccess: () => setFetchedAt(Date.now()),
  });
  const stats = useSWR<FunctionStats>(functionApi(workspaceId, functionId), {
    refreshInterval: METRICS_REFRESH_MS,
    fallbackData: initialStats,
    // The page was rendered with fresh counters a moment ago.
    revalidateOnMount: false,
  });
  const { mutate } = metrics;
  const retry = useCallback(() => void mutate(), [mutate]);
  useRetryWhileFailing(Boolean(metrics.error), retry, METRICS_REFRESH_MS);

  const data = metrics.error ? undefined : metrics.data;
  const nowMs = fetchedAt ?? mountedAt;
  const view = useMemo(() => (data ? interpretMetrics(data, Math.floor(nowMs / 1000)) : null), [data, nowMs]);
  const cpu = metrics.error
    ? ({ state: "unavailable" } as const)
    : !view
      ? ({ state: "loading" } as const)
      : view.failed.includes("instant")
        ? ({ state: "failed" } as const)
        : ({ state: "ok", value: view.cpuTotal } as const);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-zinc-500 dark:text-zinc-400">
        <p aria-live="polite">
          {fetchedAt !== null ? t("updated", { time: formatKstMs(fetchedAt, false) }) : t("refreshEvery")}
        </p>
      </div>
      {view && (view.failed.length > 0 || view.partialUnknown) ? (
        <PartialBadge failed={view.failed} unknown={view.partialUnknown} />
      ) : null}
      <MetricStats cpu={cpu} stats={stats.data ?? initialStats} />
      {stats.error ? <p className="text-xs text-amber-700 dark:text-amber-300">{t("statsStale")}</p> : null}
      <CpuChartCard view={view} error={metrics.error} onRetry={retry} />
      {canSeeRaw && data ? <DeveloperDetails data={data.data} /> : null}
    </div>
  );
}
