"use client";

import { useTranslations } from "next-intl";
import { CpuLineChart, type CpuLineChartProps } from "@/components/charts/cpu-line-chart";
import { WidgetBoundary } from "@/components/ui/widget-boundary";

/** A chart that fails to draw stays a failed card; the stats and the rest of the tab keep working. */
export function CpuChart(props: CpuLineChartProps) {
  const t = useTranslations("metrics.chart");
  return (
    <WidgetBoundary name={t("title")}>
      <CpuLineChart {...props} />
    </WidgetBoundary>
  );
}
