/**
 * The two Prometheus calls the metrics endpoint makes, answered in Prometheus's own JSON shapes:
 * by a real Prometheus (PROMETHEUS_URL) or by the local stand-in computed from the function host's
 * measured CPU seconds. Either way the metrics service parses the same shapes.
 */
import type { RunRepo } from "../repos/run-repo";
import { describe } from "./loki";

export type PromVector = {
  status: "success";
  data: { resultType: "vector"; result: { metric: Record<string, string>; value: [number, string] }[] };
};
export type PromMatrix = {
  status: "success";
  data: { resultType: "matrix"; result: { metric: Record<string, string>; values: [number, string][] }[] };
};

export type PromResult<T> = { ok: true; body: T } | { ok: false; error: string };

export interface PrometheusSource {
  instant(functionId: string, query: string, timeSec: number): Promise<PromResult<PromVector>>;
  range(
    functionId: string,
    query: string,
    startSec: number,
    endSec: number,
    stepSec: number,
  ): Promise<PromResult<PromMatrix>>;
}

const RATE_WINDOW_MS = 60_000;

/** The stand-in: `sum(rate(cpu_seconds[1m]))` evaluated over the runs the host recorded. */
export class LocalPrometheus implements PrometheusSource {
  constructor(private readonly runs: RunRepo) {}

  async instant(functionId: string, _query: string, timeSec: number): Promise<PromResult<PromVector>> {
    const t = timeSec * 1000;
    const value = this.ratePerSecond(this.runs.cpuSince(functionId, t - RATE_WINDOW_MS), t);
    return {
      ok: true,
      body: {
        status: "success",
        data: { resultType: "vector", result: [{ metric: {}, value: [timeSec, fmt(value)] }] },
      },
    };
  }

  async range(
    functionId: string,
    _query: string,
    startSec: number,
    endSec: number,
    stepSec: number,
  ): Promise<PromResult<PromMatrix>> {
    const runs = this.runs.cpuSince(functionId, startSec * 1000 - RATE_WINDOW_MS);
    const values: [number, string][] = [];
    for (let t = startSec; t <= endSec; t += stepSec) values.push([t, fmt(this.ratePerSecond(runs, t * 1000))]);
    return { ok: true, body: { status: "success", data: { resultType: "matrix", result: [{ metric: {}, values }] } } };
  }

  /**
   * CPU seconds used in (t - 1 min, t] divided by 60: a run's CPU time is spread evenly over its
   * wall-clock span, the way a counter sampled by cAdvisor would have grown.
   */
  private ratePerSecond(runs: { startedAt: number; endedAt: number; cpuSeconds: number }[], tMs: number): number {
    const from = tMs - RATE_WINDOW_MS;
    let cpu = 0;
    for (const r of runs) {
      const span = Math.max(r.endedAt - r.startedAt, 1);
      const overlap = Math.min(r.endedAt, tMs) - Math.max(r.startedAt, from);
      if (overlap > 0) cpu += (r.cpuSeconds * Math.min(overlap, span)) / span;
    }
    return cpu / (RATE_WINDOW_MS / 1000);
  }
}

const fmt = (n: number) => String(Math.round(n * 1e9) / 1e9);

const PROM_TIMEOUT_MS = 10_000;

/** A real Prometheus's HTTP API (`/api/v1/query`, `/api/v1/query_range`). */
export class RemotePrometheus implements PrometheusSource {
  private readonly base: string;

  constructor(base: string) {
    this.base = base.replace(/\/+$/, "");
  }

  instant(_functionId: string, query: string, timeSec: number): Promise<PromResult<PromVector>> {
    return this.get<PromVector>("/api/v1/query", { query, time: String(timeSec) }, "vector");
  }

  range(
    _functionId: string,
    query: string,
    startSec: number,
    endSec: number,
    stepSec: number,
  ): Promise<PromResult<PromMatrix>> {
    return this.get<PromMatrix>(
      "/api/v1/query_range",
      { query, start: String(startSec), end: String(endSec), step: String(stepSec) },
      "matrix",
    );
  }

  private async get<T>(path: string, params: Record<string, string>, resultType: string): Promise<PromResult<T>> {
    try {
      const res = await fetch(`${this.base}${path}?${new URLSearchParams(params)}`, {
        signal: AbortSignal.timeout(PROM_TIMEOUT_MS),
      });
      const body = (await res.json().catch(() => null)) as {
        status?: string;
        error?: string;
        data?: { resultType?: string; result?: unknown };
      } | null;
      if (!res.ok || body?.status !== "success")
        return { ok: false, error: `${res.status} ${body?.error ?? "unexpected response"}` };
      if (body.data?.resultType !== resultType || !Array.isArray(body.data.result))
        return { ok: false, error: `expected a ${resultType} result` };
      return { ok: true, body: body as T };
    } catch (err) {
      return { ok: false, error: describe(err) };
    }
  }
}
