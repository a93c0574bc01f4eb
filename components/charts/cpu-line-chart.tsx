"use client";

import {
  Chart as ChartJS,
  Filler,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from "chart.js";
import { Line } from "react-chartjs-2";
import { formatUnixSecondsKst } from "@/components/logs/kst-format";
import { alignedTicks, tickStep } from "./time-axis";

// Only what a line over a numeric axis needs: the bundle stays small (no time scale, no date adapter).
ChartJS.register(LineElement, PointElement, LinearScale, Tooltip, Filler);

const MUTED = "#71717a";
const GRID = "rgba(113, 113, 122, 0.2)";
const LINE = "#6366f1";

export type CpuLineChartProps = {
  points: { timestamp: number; value: number }[];
  window: { start: number; end: number };
  /** Describes the chart to assistive tech (the canvas itself says nothing). */
  description: string;
  seriesLabel: string;
  axisLabel: string;
  formatValue: (value: number) => string;
};

/** A time axis in unix seconds on a LinearScale, labelled in KST, so no date adapter is needed. */
export function CpuLineChart({ points, window, description, seriesLabel, axisLabel, formatValue }: CpuLineChartProps) {
  const step = tickStep(window.end - window.start);
  const data: ChartData<"line", { x: number; y: number }[]> = {
    datasets: [
      {
        label: seriesLabel,
        data: points.map((p) => ({ x: p.timestamp, y: p.value })),
        borderColor: LINE,
        backgroundColor: "rgba(99, 102, 241, 0.15)",
        borderWidth: 2,
        fill: true,
        pointRadius: 0,
        pointHoverRadius: 3,
        tension: 0.2,
      },
    ],
  };
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    // A refresh every minute should not replay the drawing animation.
    animation: false,
    interaction: { mode: "index", intersect: false },
    scales: {
      x: {
        type: "linear",
        min: window.start,
        max: window.end,
        grid: { color: GRID },
        // Chart.js would start the labels at the window's first second (19:23, 19:33…); whole steps read better.
        afterBuildTicks: (axis) => {
          axis.ticks = alignedTicks(window.start, window.end, step).map((value) => ({ value }));
        },
        ticks: { color: MUTED, callback: (v) => formatUnixSecondsKst(Number(v)) },
      },
      y: {
        type: "linear",
        beginAtZero: true,
        grid: { color: GRID },
        title: { display: true, text: axisLabel, color: MUTED },
        ticks: { color: MUTED, callback: (v) => formatValue(Number(v)) },
      },
    },
    plugins: {
      tooltip: {
        callbacks: {
          title: (items) => (items[0] ? `${formatUnixSecondsKst(items[0].parsed.x ?? 0, true)} KST` : ""),
          label: (item) => `${seriesLabel}: ${formatValue(item.parsed.y ?? 0)}`,
        },
      },
    },
  };
  return (
    <div className="relative h-64 w-full">
      <Line data={data} options={options} role="img" aria-label={description} fallbackContent={<p>{description}</p>} />
    </div>
  );
}
