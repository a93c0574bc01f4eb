/**
 * LOKI_URL / PROMETHEUS_URL: the embedded backend in front of a real-shaped Loki and Prometheus
 * (small stubs on loopback speaking their HTTP APIs). Embedded only: it configures the backend.
 */
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { lokiLogsResponse, prometheusMetricsResponse } from "../../lib/contract";
import { expectError, expectShape } from "../support/backend-contract-expect";
import {
  Api,
  closedPort,
  describeEmbedded,
  EMBEDDED,
  startTarget,
  type Target,
} from "../support/backend-contract-target";

type Mode = { loki: "ok" | "fail"; instant: "ok" | "fail"; range: "ok" | "fail" };
const mode: Mode = { loki: "ok", instant: "ok", range: "ok" };
const seen: URL[] = [];

let upstream: Server;
let upstreamUrl: string;
let target: Target;
let api: Api;
let fnId: string;

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

beforeAll(async () => {
  if (!EMBEDDED) return;
  upstream = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://stub");
    seen.push(url);
    if (url.pathname === "/loki/api/v1/query_range") {
      if (mode.loki === "fail") return json(res, 500, { status: "error", error: "boom" });
      return json(res, 200, {
        status: "success",
        data: {
          resultType: "streams",
          result: [
            {
              stream: { function_id: "x", pod: "a" },
              values: [
                ["1700000000000000300", "a3"],
                ["1700000000000000100", "a1"],
              ],
            },
            {
              stream: { function_id: "x", pod: "b" },
              values: [
                ["1700000000000000400", "b4"],
                ["1700000000000000200", "b2"],
              ],
            },
          ],
        },
      });
    }
    if (url.pathname === "/api/v1/query") {
      if (mode.instant === "fail") return json(res, 503, { status: "error", error: "unavailable" });
      return json(res, 200, {
        status: "success",
        data: { resultType: "vector", result: [{ metric: {}, value: [1700000000, "0.25"] }] },
      });
    }
    if (url.pathname === "/api/v1/query_range") {
      if (mode.range === "fail") return json(res, 422, { status: "error", error: "bad range" });
      const series = (offset: number) => ({
        metric: { pod: `p${offset}` },
        values: [
          [1700000000, "0.1"],
          [1700000060, String(0.2 + offset)],
        ],
      });
      return json(res, 200, { status: "success", data: { resultType: "matrix", result: [series(0), series(1)] } });
    }
    json(res, 404, {});
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  target = await startTarget({ lokiUrl: upstreamUrl, prometheusUrl: upstreamUrl });
  api = new Api(target.baseUrl);
  const ws = await api.createWorkspace("upstreams");
  fnId = (await api.createFunction(ws.id)).id;
});
afterAll(async () => {
  await api?.cleanup();
  await target?.close();
  upstream?.closeAllConnections();
  await new Promise<void>((resolve) => (upstream ? upstream.close(() => resolve()) : resolve()));
});

describeEmbedded("with LOKI_URL and PROMETHEUS_URL", () => {
  it("queries Loki by function_id and merges its streams newest first", async () => {
    mode.loki = "ok";
    const body = expectShape(lokiLogsResponse, (await api.get(`/api/functions/${fnId}/loki-logs?limit=3`)).body);
    expect(body.logs).toEqual([
      { timestamp: "1700000000000000400", line: "b4" },
      { timestamp: "1700000000000000300", line: "a3" },
      { timestamp: "1700000000000000200", line: "b2" },
    ]);
    const query = seen.filter((u) => u.pathname === "/loki/api/v1/query_range").at(-1)!;
    expect(query.searchParams.get("query")).toBe(`{function_id="${fnId}"}`);
    expect(query.searchParams.get("limit")).toBe("3");
  });

  it("maps a failing Loki to 500 LOKI_ERROR", async () => {
    mode.loki = "fail";
    expectError(await api.get(`/api/functions/${fnId}/loki-logs`), 500, "LOKI_ERROR");
    mode.loki = "ok";
  });

  it("runs the instant and range queries against Prometheus", async () => {
    Object.assign(mode, { instant: "ok", range: "ok" });
    const m = expectShape(prometheusMetricsResponse, (await api.get(`/api/functions/${fnId}/metrics`)).body);
    expect(m.status).toBe("success");
    expect(m.data.cpu_total).toBe(0.25);
    expect(m.data.cpu_series).toEqual([
      { timestamp: 1700000000, value: 0.2 },
      { timestamp: 1700000060, value: 1.4 },
    ]);
    expect(m.data.raw_range).toMatchObject({ data: { resultType: "matrix" } });
    const range = seen.filter((u) => u.pathname === "/api/v1/query_range").at(-1)!;
    expect(range.searchParams.get("query")).toBe(m.data.range_query);
    expect(range.searchParams.get("step")).toBe("60");
    expect(Number(range.searchParams.get("end")) - Number(range.searchParams.get("start"))).toBe(3540);
  });

  it("is partial when one query fails, 503 when both do", async () => {
    Object.assign(mode, { instant: "ok", range: "fail" });
    const onlyInstant = expectShape(prometheusMetricsResponse, (await api.get(`/api/functions/${fnId}/metrics`)).body);
    expect(onlyInstant).toMatchObject({ status: "partial", data: { cpu_total: 0.25, cpu_series: [] } });

    Object.assign(mode, { instant: "fail", range: "ok" });
    const onlyRange = expectShape(prometheusMetricsResponse, (await api.get(`/api/functions/${fnId}/metrics`)).body);
    expect(onlyRange.status).toBe("partial");
    expect(onlyRange.data.cpu_total).toBeNull();
    expect(onlyRange.data.cpu_series).toHaveLength(2);

    Object.assign(mode, { instant: "fail", range: "fail" });
    expectError(await api.get(`/api/functions/${fnId}/metrics`), 503, "PROMETHEUS_CONNECTION_ERROR");
    Object.assign(mode, { instant: "ok", range: "ok" });
  });

  it("answers 503 when Loki or Prometheus cannot be reached at all", async () => {
    const dead = `http://127.0.0.1:${await closedPort()}`;
    const isolated = await startTarget({ lokiUrl: dead, prometheusUrl: dead });
    try {
      const other = new Api(isolated.baseUrl);
      const ws = await other.createWorkspace("dead-upstreams");
      const fn = await other.createFunction(ws.id);
      expectError(await other.get(`/api/functions/${fn.id}/loki-logs`), 503, "LOKI_CONNECTION_ERROR");
      expectError(await other.get(`/api/functions/${fn.id}/metrics`), 503, "PROMETHEUS_CONNECTION_ERROR");
    } finally {
      await isolated.close();
    }
  });
});
