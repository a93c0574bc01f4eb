"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { type ComponentProps } from "react";
import { Skeleton } from "@/components/ui/skeleton";
import { WidgetBoundary } from "@/components/ui/widget-boundary";

/** Chart.js loads only when the Metrics tab draws a chart, and never on the server (it needs a canvas). */
const CpuLineChart = dynamic(() => import("@/components/charts/cpu-line-chart").then((m) => m.CpuLineChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});

/** A chart that fails to load or draw stays a failed card; the stats and the rest of the tab keep working. */
export function CpuChart(props: ComponentProps<typeof CpuLineChart>) {
  const t = useTranslations("metrics.chart");
  return (
    <WidgetBoundary name={t("title")}>
      <CpuLineChart {...props} />
    </WidgetBoundary>
  );
}
