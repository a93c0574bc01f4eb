/**
 * The embedded function host: functions without an invocationUrl run for real with the machine's
 * Python. Embedded only (a real backend would need a deployed SpinApp for these).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { functionConfig, logsResponse, lokiLogsResponse, prometheusMetricsResponse } from "../../lib/contract";
import { expectShape } from "../support/backend-contract-expect";
import { Api, b64, describeEmbedded, EMBEDDED, startTarget, type Target } from "../support/backend-contract-target";

let target: Target;
let api: Api;
let wsId: string;

beforeAll(async () => {
  if (!EMBEDDED) return;
  target = await startTarget();
  api = new Api(target.baseUrl);
  wsId = (await api.createWorkspace("function-host")).id;
});
afterAll(async () => {
  await api?.cleanup();
  await target?.close();
});

async function deploy(source: string, overrides: Record<string, unknown> = {}) {
  return api.createFunction(wsId, { code: b64(source), ...overrides });
}
const invoke = (fnId: string, body: unknown) => api.post(`/api/workspaces/${wsId}/functions/${fnId}/invoke`, body);
const lastLog = async (fnId: string) =>
  expectShape(logsResponse, (await api.get(`/api/workspaces/${wsId}/functions/${fnId}/logs`)).body).logs[0]!;
const loki = async (fnId: string, limit = 100) => {
  const res = await api.get(`/api/functions/${fnId}/loki-logs?limit=${limit}`);
  expect(res.status, res.text).toBe(200);
  return expectShape(lokiLogsResponse, res.body);
};

const SPIN = `from spin_sdk import http
from spin_sdk.http import Request, Response
import json

class IncomingHandler(http.IncomingHandler):
    def handle_request(self, request: Request) -> Response:
        print("spin got", request.method, request.uri)
        data = json.loads(request.body)
        return Response(201, {"content-type": "application/json", "x-spin": "yes"},
                        json.dumps({"uri": request.uri, "doubled": data["n"] * 2}).encode("utf-8"))
`;

describeEmbedded("embedded function host", () => {
  it("runs a plain def handler(event) and returns its JSON", async () => {
    const fn = await deploy(`def handler(event):\n    return {"sum": event["a"] + event["b"], "한글": "값"}\n`);
    const res = await invoke(fn.id, { a: 2, b: 3 });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ sum: 5, 한글: "값" });
    expect(await lastLog(fn.id)).toMatchObject({
      status: "success",
      statusCode: 200,
      responseBody: { sum: 5, 한글: "값" },
    });
  });

  it("runs a Spin IncomingHandler with its status, headers and body", async () => {
    const fn = await deploy(SPIN);
    const res = await invoke(fn.id, { n: 21 });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.body).toEqual({ uri: "/", doubled: 42 });
    expect((await lastLog(fn.id)).logs).toContain("spin got POST /");
  });

  it("serves each function at its own HTTP endpoint (what a deploy points invocationUrl at)", async () => {
    const fn = await deploy(SPIN);
    const res = await fetch(`${target.baseUrl}/fn/${fn.id}/items/a%2Fb?x=1`, {
      method: "PUT",
      body: JSON.stringify({ n: 1 }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ uri: "/items/a%2Fb?x=1", doubled: 2 });

    const viaUrl = await api.createFunction(wsId, { code: b64(`def handler(event):\n    return "routed"\n`) });
    await api.patch(`/api/workspaces/${wsId}/functions/${viaUrl.id}`, {
      invocationUrl: `${target.baseUrl}/fn/${viaUrl.id}`,
    });
    expect((await invoke(viaUrl.id, {})).body).toBe("routed");
  });

  it("gives a bodyless 500 with the traceback in the logs when the handler raises, as Spin does", async () => {
    const fn = await deploy(`def handler(event):\n    raise ValueError("잘못된 입력: " + str(event["x"]))\n`);
    const res = await invoke(fn.id, { x: -1 });
    expect(res.status).toBe(500);
    expect(res.text).toBe("");
    const log = await lastLog(fn.id);
    expect(log).toMatchObject({ status: "error", statusCode: 500, level: "error" });
    expect(log.logs[0]).toBe("Traceback (most recent call last):");
    expect(log.logs.at(-1)).toBe("ValueError: 잘못된 입력: -1");
    expect(await fnOf(fn.id)).toMatchObject({ invocations24h: 1, errors24h: 1 });
  });

  it("turns print() output into ExecutionLog lines and Loki entries, newest first", async () => {
    const fn = await deploy(
      `import sys\ndef handler(event):\n    print("첫 번째 줄")\n    print("second line")\n    print("to stderr", file=sys.stderr)\n    return "ok"\n`,
    );
    expect((await invoke(fn.id, {})).status).toBe(200);
    const log = await lastLog(fn.id);
    expect(log.logs).toEqual(expect.arrayContaining(["첫 번째 줄", "second line", "to stderr"]));
    expect(log.logs.indexOf("첫 번째 줄")).toBeLessThan(log.logs.indexOf("second line"));

    const stream = await loki(fn.id);
    expect(stream.function_id).toBe(fn.id);
    expect(stream.logs.map((l) => l.line)).toEqual(expect.arrayContaining(["첫 번째 줄", "second line", "to stderr"]));
    const stamps = stream.logs.map((l) => BigInt(l.timestamp));
    for (let i = 1; i < stamps.length; i++) expect(stamps[i - 1]! > stamps[i]!).toBe(true);
    const nowNs = BigInt(Date.now()) * 1_000_000n;
    expect(nowNs - stamps[0]!).toBeLessThan(60n * 1_000_000_000n);
    expect((await loki(fn.id, 1)).logs).toHaveLength(1);
    expect((await api.get(`/api/functions/${fn.id}/loki-logs?limit=1001`)).status).toBe(400);
  });

  it("injects the function's environment variables and nothing of the backend's", async () => {
    const fn = await deploy(
      `import os\ndef handler(event):\n    return {"greeting": os.environ.get("GREETING"), "leaked": "VITEST" in os.environ or "NODE_OPTIONS" in os.environ}\n`,
      {
        environmentVariables: { GREETING: "안녕하세요" },
      },
    );
    expect((await invoke(fn.id, {})).body).toEqual({ greeting: "안녕하세요", leaked: false });
  });

  it("kills a function that loops forever at its timeout: 504, logged, CPU measured", async () => {
    const fn = await deploy(`def handler(event):\n    print("starting to spin")\n    while True:\n        pass\n`, {
      timeout: 1,
    });
    const res = await invoke(fn.id, {});
    expect(res.status, res.text).toBe(504);
    expect(res.ms).toBeGreaterThanOrEqual(900);
    expect(res.ms).toBeLessThan(8_000);
    const log = await lastLog(fn.id);
    expect(log).toMatchObject({ status: "error", statusCode: 504, level: "error" });
    expect(log.logs).toContain("starting to spin");
    expect(log.logs.some((l) => /timed out/.test(l))).toBe(true);
    expect(await fnOf(fn.id)).toMatchObject({ invocations24h: 1, errors24h: 1 });

    // The CPU it burned shows up in the Prometheus stand-in. How much depends on what else this
    // machine runs meanwhile (the timeout is wall-clock), so only "measured, not zero" is asserted.
    const metrics = expectShape(prometheusMetricsResponse, (await api.get(`/api/functions/${fn.id}/metrics`)).body);
    expect(metrics.data.cpu_total).toBeGreaterThan(0);
    expect(Math.max(...metrics.data.cpu_series.map((p) => p.value))).toBeGreaterThan(0);
  });

  it("fails cleanly when a function allocates past its memory, and keeps serving", async () => {
    const fn = await deploy(
      `def handler(event):\n    print("allocating")\n    block = bytearray(768 * 1024 * 1024)\n    return len(block)\n`,
      { memory: 128 },
    );
    const res = await invoke(fn.id, {});
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.status).toBeLessThan(600);
    const log = await lastLog(fn.id);
    expect(log).toMatchObject({ status: "error", level: "error" });
    expect(log.logs.join("\n")).toMatch(/MemoryError/);

    expect((await api.get("/api/workspaces")).status).toBe(200);
    const healthy = await deploy(`def handler(event):\n    return "still here"\n`);
    expect((await invoke(healthy.id, {})).body).toBe("still here");
  });

  it("refuses to run a disabled function", async () => {
    const fn = await deploy(`def handler(event):\n    return 1\n`);
    await api.patch(`/api/workspaces/${wsId}/functions/${fn.id}`, { status: "disabled" });
    const res = await invoke(fn.id, {});
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect((res.body as { error: { code: string } }).error.code).toBe("FUNCTION_DISABLED");
    const direct = await fetch(`${target.baseUrl}/fn/${fn.id}`, { method: "POST", body: "{}" });
    expect(direct.status).toBe(403);
  });

  it("runs functions as WebAssembly (CPython on Pyodide), not with a host Python", async () => {
    const fn = await deploy(
      `import sys, os\ndef handler(event):\n    return {"platform": sys.platform, "executable": sys.executable, "pid_ok": os.getpid() < 100}\n`,
    );
    const res = await invoke(fn.id, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ platform: "emscripten" });
  });

  it("answers 500 for source that does not even import", async () => {
    const fn = await deploy(`def handler(event)\n    return 1\n`);
    const res = await invoke(fn.id, {});
    expect(res.status).toBe(500);
    expect((await lastLog(fn.id)).logs.join("\n")).toMatch(/SyntaxError/);
  });
});

const fnOf = async (fnId: string) =>
  expectShape(functionConfig, (await api.get(`/api/workspaces/${wsId}/functions/${fnId}`)).body);
