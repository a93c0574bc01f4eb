"use client";

import { useFormatter, useTranslations } from "next-intl";
import { type ReactNode } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { Stat } from "@/components/ui/stat";
import { errorRatePercent } from "./interpret-metrics";

export type FunctionStats = { invocations24h: number; errors24h: number; avgDuration: number };

/** CPU now (from Prometheus) beside the function's own 24-hour counters (from the backend). */
export function MetricStats({
  cpu,
  stats,
}: {
  cpu: { state: "loading" | "unavailable" | "failed" } | { state: "ok"; value: number | null };
  stats: FunctionStats;
}) {
  const t = useTranslations("metrics");
  const format = useFormatter();
  const rate = errorRatePercent(stats.errors24h, stats.invocations24h);
  let cpuValue: ReactNode;
  let cpuHint: string = t("cpuTotalHint");
  if (cpu.state === "loading") cpuValue = <Skeleton className="h-8 w-24" />;
  else if (cpu.state === "ok" && cpu.value !== null)
    cpuValue = t("cores", { value: format.number(cpu.value, { maximumSignificantDigits: 3 }) });
  else {
    cpuValue = t("notAvailable");
    cpuHint = cpu.state === "ok" ? t("cpuIdle") : cpu.state === "failed" ? t("cpuQueryFailed") : t("cpuUnavailable");
  }
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
      <Stat label={t("cpuTotal")} value={<span data-testid="cpu-total">{cpuValue}</span>} hint={cpuHint} />
      <Stat label={t("invocations24h")} value={format.number(stats.invocations24h)} />
      <Stat label={t("errors24h")} value={format.number(stats.errors24h)} />
      <Stat
        label={t("errorRate")}
        value={
          rate === null ? t("notAvailable") : format.number(rate / 100, { style: "percent", maximumFractionDigits: 1 })
        }
        hint={rate === null ? t("noInvocations") : undefined}
      />
      <Stat
        label={t("avgDuration")}
        value={t("durationMs", { ms: format.number(stats.avgDuration, { maximumFractionDigits: 1 }) })}
      />
    </dl>
  );
}
