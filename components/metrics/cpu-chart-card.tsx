"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorPanel } from "@/components/ui/error-panel";
import { Skeleton } from "@/components/ui/skeleton";
import { isApiError } from "@/lib/api/api-error";
import { CpuChart } from "./cpu-chart";
import type { MetricsView } from "./interpret-metrics";

/** The CPU chart with its own loading and error states; a Prometheus failure stays in this card. */
export function CpuChartCard({
  view,
  error,
  onRetry,
}: {
  view: MetricsView | null;
  error: unknown;
  onRetry: () => void;
}) {
  const t = useTranslations("metrics");
  const format = useFormatter();
  const cores = (v: number) => format.number(v, { maximumSignificantDigits: 3 });
  const minutes = view ? Math.round((view.window.end - view.window.start) / 60) : 60;

  let body;
  if (error) {
    const code = isApiError(error) ? error.code : undefined;
    const down = code === "PROMETHEUS_CONNECTION_ERROR";
    body = (
      <ErrorPanel
        title={down ? t("errors.unreachable") : t("errors.loadFailed")}
        message={down ? t("errors.unreachableMessage") : t("errors.loadFailedMessage")}
        code={code}
        requestId={isApiError(error) ? error.requestId : undefined}
        action={
          <Button size="sm" onClick={onRetry}>
            {t("errors.retry")}
          </Button>
        }
      />
    );
  } else if (!view) {
    body = <Skeleton className="h-64 w-full" />;
  } else {
    const values = view.series.map((p) => p.value);
    const description =
      values.length === 0
        ? t("chart.descriptionEmpty", { minutes })
        : t("chart.description", {
            minutes,
            points: values.length,
            peak: cores(Math.max(...values)),
            latest: cores(values[values.length - 1]!),
          });
    body = (
      <>
        <CpuChart
          points={view.series}
          window={view.window}
          description={description}
          seriesLabel={t("chart.series")}
          axisLabel={t("chart.axis")}
          formatValue={cores}
        />
        {view.series.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">
            {view.failed.includes("range") ? t("chart.seriesFailed") : t("chart.noData")}
          </p>
        ) : null}
      </>
    );
  }
  return (
    <Card>
      <h3 className="font-medium">{t("chart.title")}</h3>
      <p className="mb-3 text-xs text-zinc-500 dark:text-zinc-400">{t("chart.subtitle", { minutes })}</p>
      {body}
    </Card>
  );
}
