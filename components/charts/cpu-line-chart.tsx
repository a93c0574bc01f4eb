"use client";

import { useEffect, useRef, useState, type PointerEvent } from "react";
import { formatUnixSecondsKst } from "@/components/logs/kst-format";
import { alignedTicks, tickStep } from "./time-axis";
import { valueTicks } from "./value-axis";

export type CpuLineChartProps = {
  points: { timestamp: number; value: number }[];
  window: { start: number; end: number };
  /** Describes the chart to assistive tech (the drawing itself says nothing). */
  description: string;
  seriesLabel: string;
  axisLabel: string;
  formatValue: (value: number) => string;
};

const HEIGHT = 256;
/** Room for the value labels and the rotated axis title (left) and the time labels (bottom). */
const MARGIN = { top: 10, right: 14, bottom: 24, left: 64 };

/**
 * A line over a time window, drawn as SVG at the width it is given: axes on whole 10-minute marks in
 * KST and round values from zero, the area under the line filled, and the nearest point read out on
 * hover. Plain SVG, like the dashboard's trends: no chart library (Chart.js was 60 KB gzip of this tab).
 */
export function CpuLineChart({ points, window, description, seriesLabel, axisLabel, formatValue }: CpuLineChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  const [hover, setHover] = useState<number | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(240, entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const span = Math.max(1, window.end - window.start);
  const yTicks = valueTicks(Math.max(0, ...points.map((p) => p.value)));
  const yTop = yTicks.at(-1)!;
  const x = (t: number) => MARGIN.left + ((t - window.start) / span) * plotW;
  const y = (v: number) => MARGIN.top + plotH - (v / yTop) * plotH;
  const line = points
    .map((p, i) => `${i === 0 ? "M" : "L"}${x(p.timestamp).toFixed(1)},${y(p.value).toFixed(1)}`)
    .join("");
  const first = points[0];
  const last = points.at(-1);
  const area =
    first && last ? `${line}L${x(last.timestamp).toFixed(1)},${y(0)}L${x(first.timestamp).toFixed(1)},${y(0)}Z` : "";
  const xTicks = alignedTicks(window.start, window.end, tickStep(span));

  function onPointerMove(e: PointerEvent<SVGSVGElement>) {
    if (points.length === 0) return;
    const left = e.currentTarget.getBoundingClientRect().left;
    const t = window.start + ((e.clientX - left - MARGIN.left) / plotW) * span;
    let nearest = 0;
    points.forEach((p, i) => {
      if (Math.abs(p.timestamp - t) < Math.abs(points[nearest]!.timestamp - t)) nearest = i;
    });
    setHover(nearest);
  }

  const shown = hover === null ? undefined : points[hover];
  return (
    <div ref={box} className="relative h-64 w-full">
      <svg
        role="img"
        aria-label={description}
        width={width}
        height={HEIGHT}
        className="block text-[11px]"
        onPointerMove={onPointerMove}
        onPointerLeave={() => setHover(null)}
      >
        <g className="fill-zinc-500 stroke-zinc-500/20 dark:fill-zinc-400">
          {yTicks.map((v) => (
            <g key={`y${v}`}>
              <line x1={MARGIN.left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} />
              <text x={MARGIN.left - 6} y={y(v)} textAnchor="end" dominantBaseline="middle" stroke="none">
                {formatValue(v)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <g key={`x${t}`}>
              <line x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={MARGIN.top + plotH} />
              <text x={x(t)} y={HEIGHT - 6} textAnchor="middle" stroke="none">
                {formatUnixSecondsKst(t)}
              </text>
            </g>
          ))}
          <text
            transform={`translate(12 ${MARGIN.top + plotH / 2}) rotate(-90)`}
            textAnchor="middle"
            dominantBaseline="middle"
            stroke="none"
          >
            {axisLabel}
          </text>
        </g>
        {area ? <path d={area} className="fill-brand-500/15" /> : null}
        {line ? (
          <path d={line} fill="none" strokeWidth={2} strokeLinejoin="round" className="stroke-brand-500" />
        ) : null}
        {shown ? (
          <g>
            <line
              x1={x(shown.timestamp)}
              x2={x(shown.timestamp)}
              y1={MARGIN.top}
              y2={MARGIN.top + plotH}
              className="stroke-zinc-400"
            />
            <circle cx={x(shown.timestamp)} cy={y(shown.value)} r={3.5} className="fill-brand-500" />
          </g>
        ) : null}
      </svg>
      {shown ? (
        <div
          aria-hidden
          className="pointer-events-none absolute top-2 rounded-md bg-zinc-900/90 px-2 py-1 text-xs whitespace-nowrap text-white shadow dark:bg-zinc-700"
          // Left of the point when it is in the right half, so the box stays inside the chart.
          style={
            x(shown.timestamp) > width / 2
              ? { right: width - x(shown.timestamp) + 8 }
              : { left: x(shown.timestamp) + 8 }
          }
        >
          <p className="font-medium">{formatUnixSecondsKst(shown.timestamp, true)} KST</p>
          <p>
            {seriesLabel}: {formatValue(shown.value)}
          </p>
        </div>
      ) : null}
    </div>
  );
}
