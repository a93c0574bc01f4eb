import { networkInterfaces } from "node:os";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { logsResponse, lokiLogsResponse, prometheusMetricsResponse } from "../../lib/contract";
import { expectError, expectNotFound, expectShape, expectValidationError } from "../support/backend-contract-expect";
import {
  Api,
  authHeaders,
  describeEmbedded,
  EMBEDDED,
  startStubFunction,
  startTarget,
  type Target,
} from "../support/backend-contract-target";
import { describeEmbeddedRules, specRule } from "../support/backend-contract-split";

let target: Target;
let api: Api;
let wsId: string;
let fnId: string;

beforeAll(async () => {
  target = await startTarget();
  api = new Api(target.baseUrl);
  wsId = (await api.createWorkspace("observability")).id;
  fnId = (await api.createFunction(wsId)).id;
});
afterAll(async () => {
  await api?.cleanup();
  await target?.close();
});

describe("spec: Logs and observability API, Loki", () => {
  it(
    specRule(
      "`LokiLogsResponse`; 503 `LOKI_CONNECTION_ERROR` or 500 `LOKI_ERROR` on failure",
      "answers LokiLogsResponse for the function (or a LOKI_* error when Loki is unavailable)",
    ),
    async () => {
      const res = await api.get(`/api/functions/${fnId}/loki-logs?limit=100`);
      if (res.status === 200) {
        const body = expectShape(lokiLogsResponse, res.body);
        expect(body.function_id).toBe(fnId);
        expect(body.total).toBeGreaterThanOrEqual(body.logs.length);
      } else {
        expect(EMBEDDED, "the embedded Loki stand-in is always up unless a fault switch says otherwise").toBe(false);
        expectError(res, res.status, /^LOKI_(CONNECTION_)?ERROR$/);
        expect([500, 503]).toContain(res.status);
      }
    },
  );
});

describe("spec: Logs and observability API, Prometheus", () => {
  it(
    specRule(
      "503 `PROMETHEUS_CONNECTION_ERROR` on failure",
      "answers PrometheusMetricsResponse over a 3600 s window, or 503 PROMETHEUS_CONNECTION_ERROR",
    ),
    async () => {
      const res = await api.get(`/api/functions/${fnId}/metrics`);
      if (res.status === 503) return expectError(res, 503, "PROMETHEUS_CONNECTION_ERROR");
      expect(res.status, res.text).toBe(200);
      const m = expectShape(prometheusMetricsResponse, res.body);
      expect(m.function_id).toBe(fnId);
      expect(m.data.window_seconds).toBe(3600);
      if (m.status === "success") {
        expect(typeof m.data.cpu_total === "number" || m.data.cpu_total === null).toBe(true);
        for (const p of m.data.cpu_series) expect(p.timestamp).toBeLessThan(Date.now() / 1000 + 60);
      }
    },
  );
});

describeEmbeddedRules(
  "observability",
  "the Loki limit, 404 for unknown functions, and its Prometheus stand-in's exact series and queries",
  () => {
    it("refuses limit 1001", async () => {
      expectValidationError(await api.get(`/api/functions/${fnId}/loki-logs?limit=1001`), "limit");
    });
    it("answers 404 for an unknown function", async () => {
      expectNotFound(await api.get("/api/functions/fn-missing/metrics"));
      expectNotFound(await api.get("/api/functions/fn-missing/loki-logs"));
    });

    it("answers 60 one-minute points of a 1-minute rate, with raw answers, for a function that never ran", async () => {
      const m = expectShape(prometheusMetricsResponse, (await api.get(`/api/functions/${fnId}/metrics`)).body);
      expect(m.data.instant_query).toContain(fnId);
      expect(m.data.range_query).toContain(fnId);
      expect(m.status).toBe("success");
      expect(m.data.cpu_series).toHaveLength(60);
      expect(m.data.cpu_total).toBe(0); // never ran
      const ts = m.data.cpu_series.map((p) => p.timestamp);
      for (let i = 1; i < ts.length; i++) expect(ts[i]! - ts[i - 1]!).toBe(60);
      expect(m.data.raw_instant).toMatchObject({ status: "success", data: { resultType: "vector" } });
      expect(m.data.raw_range).toMatchObject({ status: "success", data: { resultType: "matrix" } });
      expect(m.data.instant_query).toMatch(/rate\(.*\[1m\]\)/);
    });
  },
);

describeEmbedded("fault switches (POST /__admin/faults)", () => {
  const faults = (body: unknown) => api.call("POST", "/__admin/faults", body);
  afterEach(async () => {
    expect((await api.call("DELETE", "/__admin/faults")).status).toBe(200);
  });

  it("reads and changes the switches", async () => {
    expect((await api.get("/__admin/faults")).body).toEqual({
      loki: null,
      prometheus: null,
      latencyMs: 0,
      apiLatencyMs: 0,
    });
    const res = await faults({ loki: "down" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ loki: "down", prometheus: null });
    expect((await api.get("/__admin/faults")).body).toMatchObject({ loki: "down" });
    expect((await faults({ loki: "sideways" })).status).toBe(400);
  });

  it("loki down → 503 LOKI_CONNECTION_ERROR, while execution logs still answer", async () => {
    await faults({ loki: "down" });
    expectError(await api.get(`/api/functions/${fnId}/loki-logs`), 503, "LOKI_CONNECTION_ERROR");
    const logs = await api.get(`/api/workspaces/${wsId}/functions/${fnId}/logs`);
    expect(logs.status).toBe(200);
    expectShape(logsResponse, logs.body);
  });

  it("loki error → 500 LOKI_ERROR", async () => {
    await faults({ loki: "error" });
    expectError(await api.get(`/api/functions/${fnId}/loki-logs`), 500, "LOKI_ERROR");
  });

  it("prometheus partial → 200 with status partial", async () => {
    await faults({ prometheus: "partial" });
    const res = await api.get(`/api/functions/${fnId}/metrics`);
    expect(res.status).toBe(200);
    const m = expectShape(prometheusMetricsResponse, res.body);
    expect(m.status).toBe("partial");
    expect(m.data.cpu_total).not.toBeNull();
    expect(m.data.cpu_series).toEqual([]);
  });

  it("prometheus down → 503 PROMETHEUS_CONNECTION_ERROR", async () => {
    await faults({ prometheus: "down" });
    expectError(await api.get(`/api/functions/${fnId}/metrics`), 503, "PROMETHEUS_CONNECTION_ERROR");
    expect((await api.get(`/api/functions/${fnId}/loki-logs`)).status).toBe(200);
  });

  it("latencyMs slows the observability endpoints only; apiLatencyMs every /api route", async () => {
    await faults({ latencyMs: 600 });
    expect((await api.get(`/api/functions/${fnId}/metrics`)).ms).toBeGreaterThanOrEqual(590);
    expect((await api.get(`/api/functions/${fnId}/loki-logs`)).ms).toBeGreaterThanOrEqual(590);
    expect((await api.get(`/api/workspaces/${wsId}`)).ms).toBeLessThan(500);
    await faults({ latencyMs: null, apiLatencyMs: 300 });
    expect((await api.get(`/api/workspaces/${wsId}`)).ms).toBeGreaterThanOrEqual(290);
  });

  it("refuses callers that are not on loopback", async () => {
    const address = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === "IPv4" && !i.internal)?.address;
    if (!address) return; // no non-loopback interface on this machine: nothing to prove
    const exposed = await startTarget({ host: "0.0.0.0" });
    try {
      const port = new URL(exposed.baseUrl).port;
      const res = await fetch(`http://${address}:${port}/__admin/faults`, {
        method: "POST",
        headers: authHeaders(exposed.baseUrl),
        body: JSON.stringify({ loki: "down" }),
      });
      expect(res.status).toBe(403);
      const local = await fetch(`${exposed.baseUrl}/__admin/faults`, { headers: authHeaders(exposed.baseUrl) });
      expect(((await local.json()) as { loki: unknown }).loki).toBeNull();
    } finally {
      await exposed.close();
    }
  });
});

describeEmbedded("invoke through a fault", () => {
  it("an observability outage does not affect invocations", async () => {
    const stub = await startStubFunction();
    try {
      await api.call("POST", "/__admin/faults", { loki: "down", prometheus: "down" });
      await api.patch(`/api/workspaces/${wsId}/functions/${fnId}`, { invocationUrl: `${stub.url}/ok` });
      expect((await api.post(`/api/workspaces/${wsId}/functions/${fnId}/invoke`, { during: "outage" })).status).toBe(
        200,
      );
    } finally {
      await api.call("DELETE", "/__admin/faults");
      await stub.close();
    }
  });
});
