"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** Chart.js loads only when the Metrics tab draws a chart, and never on the server (it needs a canvas). */
export const CpuChart = dynamic(() => import("@/components/charts/cpu-line-chart").then((m) => m.CpuLineChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});
