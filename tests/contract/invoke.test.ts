/**
 * Invoke through a stub function on loopback (the function's invocationUrl points at it), so these
 * run against any backend on this machine: pass-through, status mapping, ExecutionLogs, counters.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionConfig, logsResponse, workspace } from "../../lib/contract";
import { expectNotFound, expectShape, expectValidationError } from "../support/backend-contract-expect";
import { Api, closedPort, startStubFunction, startTarget, type Target } from "../support/backend-contract-target";
import { describeEmbeddedRules, specRule } from "../support/backend-contract-split";

let target: Target;
let api: Api;
let stub: Awaited<ReturnType<typeof startStubFunction>>;

beforeAll(async () => {
  [target, stub] = await Promise.all([startTarget(), startStubFunction()]);
  api = new Api(target.baseUrl);
});
afterAll(async () => {
  await api?.cleanup();
  await Promise.all([target?.close(), stub?.close()]);
});

async function deployedFunction(wsId: string, path: string, timeout = 10) {
  const fn = await api.createFunction(wsId, { timeout });
  const res = await api.patch(`/api/workspaces/${wsId}/functions/${fn.id}`, { invocationUrl: `${stub.url}${path}` });
  expect(res.status, res.text).toBe(200);
  return fn;
}

const invoke = (wsId: string, fnId: string, body: unknown) =>
  api.post(`/api/workspaces/${wsId}/functions/${fnId}/invoke`, body);
const logsOf = async (wsId: string, fnId: string, query = "") =>
  expectShape(logsResponse, (await api.get(`/api/workspaces/${wsId}/functions/${fnId}/logs${query}`)).body);
const fnOf = async (wsId: string, fnId: string) =>
  expectShape(functionConfig, (await api.get(`/api/workspaces/${wsId}/functions/${fnId}`)).body);
const wsOf = async (wsId: string) => expectShape(workspace, (await api.get(`/api/workspaces/${wsId}`)).body);

describe("spec: Function API, invoke", () => {
  it(
    specRule(
      "the response body is the function's own response, passed through unchanged",
      "POSTs the JSON body to invocationUrl and passes the answer through",
    ),
    async () => {
      const ws = await api.createWorkspace("invoke-ok");
      const fn = await deployedFunction(ws.id, "/ok");
      const res = await invoke(ws.id, fn.id, { test: true, 이름: "민수" });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual({ stub: "ok", received: { test: true, 이름: "민수" } });
      expect(stub.requests.at(-1)).toEqual({ test: true, 이름: "민수" });

      const { logs, total } = await logsOf(ws.id, fn.id);
      expect(total).toBe(1);
      expect(logs[0]).toMatchObject({
        functionId: fn.id,
        status: "success",
        statusCode: 200,
        requestBody: { test: true, 이름: "민수" },
      });
      expect(logs[0]!.responseBody).toEqual({ stub: "ok", received: { test: true, 이름: "민수" } });
      expect(logs[0]!.duration).toBeGreaterThan(0);
    },
  );

  it(
    specRule(
      "`invocations24h` / `errors24h` / `avgDuration` are updated",
      "passes a function's error status through and counts it as an error",
    ),
    async () => {
      const ws = await api.createWorkspace("invoke-counters");
      const ok = await deployedFunction(ws.id, "/ok");
      const bad = await deployedFunction(ws.id, "/fail");
      const teapot = await deployedFunction(ws.id, "/teapot");

      expect((await invoke(ws.id, ok.id, { n: 1 })).status).toBe(200);
      expect((await invoke(ws.id, ok.id, { n: 2 })).status).toBe(200);
      const failed = await invoke(ws.id, bad.id, { n: 3 });
      expect(failed.status).toBe(500);
      expect(failed.body).toEqual({ stub: "failed" });
      expect((await invoke(ws.id, teapot.id, {})).status).toBe(418);

      expect(await fnOf(ws.id, ok.id)).toMatchObject({ invocations24h: 2, errors24h: 0 });
      expect((await fnOf(ws.id, ok.id)).avgDuration).toBeGreaterThan(0);
      expect(await fnOf(ws.id, bad.id)).toMatchObject({ invocations24h: 1, errors24h: 1 });
      const { logs } = await logsOf(ws.id, bad.id);
      expect(logs[0]).toMatchObject({ status: "error", statusCode: 500 });
      expect((await wsOf(ws.id)).invocations24h).toBe(4);
    },
  );

  it(specRule("504 on timeout", "answers 504 when the function outlives its timeout"), async () => {
    const ws = await api.createWorkspace("invoke-timeout");
    const fn = await deployedFunction(ws.id, "/slow", 1);
    const res = await invoke(ws.id, fn.id, { wait: true });
    expect(res.status, res.text).toBe(504);
    expect(res.ms).toBeLessThan(4_900); // the stub answers after 5 s
  });

  it(specRule("503 on a network error", "answers 503 when the function cannot be reached"), async () => {
    const ws = await api.createWorkspace("invoke-unreachable");
    const fn = await api.createFunction(ws.id);
    await api.patch(`/api/workspaces/${ws.id}/functions/${fn.id}`, {
      invocationUrl: `127.0.0.1:${await closedPort()}/run`,
    });
    const res = await invoke(ws.id, fn.id, {});
    expect(res.status, res.text).toBe(503);
  });

  it(specRule("with any JSON body", "refuses a body that is not JSON without invoking"), async () => {
    const ws = await api.createWorkspace("invoke-bad-json");
    const fn = await deployedFunction(ws.id, "/ok");
    const before = stub.requests.length;
    const res = await api.call("POST", `/api/workspaces/${ws.id}/functions/${fn.id}/invoke`, undefined, "{oops");
    expect([400, 422]).toContain(res.status);
    expect(stub.requests.length).toBe(before);
  });

  it(specRule("404: resource absent (`NOT_FOUND`)", "answers 404 for an unknown function"), async () => {
    const ws = await api.createWorkspace("invoke-404");
    expectNotFound(await invoke(ws.id, "fn-missing", {}));
  });
});

describe("spec: Logs and observability API, execution logs", () => {
  it(
    specRule(
      "one function's logs; `limit` at most 1000",
      "lists a function's logs newest first, honours limit, and refuses limit above 1000",
    ),
    async () => {
      const ws = await api.createWorkspace("logs");
      const fn = await deployedFunction(ws.id, "/ok");
      for (const n of [1, 2, 3]) expect((await invoke(ws.id, fn.id, { n })).status).toBe(200);

      const all = await logsOf(ws.id, fn.id);
      expect(all.total).toBe(3);
      expect(all.logs.map((l) => (l.requestBody as { n: number }).n)).toEqual([3, 2, 1]);
      const stamps = all.logs.map((l) => Date.parse(l.timestamp));
      expect([...stamps].sort((a, b) => b - a)).toEqual(stamps);

      const one = await logsOf(ws.id, fn.id, "?limit=1");
      expect(one.logs).toHaveLength(1);
      expect(one.total).toBeGreaterThanOrEqual(1);
      expect((one.logs[0]!.requestBody as { n: number }).n).toBe(3);

      expect((await api.get(`/api/workspaces/${ws.id}/functions/${fn.id}/logs?limit=1000`)).status).toBe(200);
      expectValidationError(await api.get(`/api/workspaces/${ws.id}/functions/${fn.id}/logs?limit=1001`), "limit");
    },
  );

  it(
    specRule(
      "recent logs across the workspace's functions, newest first",
      "merges a workspace's functions newest first",
    ),
    async () => {
      const ws = await api.createWorkspace("ws-logs");
      const a = await deployedFunction(ws.id, "/ok");
      const b = await deployedFunction(ws.id, "/fail");
      await invoke(ws.id, a.id, { step: 1 });
      await invoke(ws.id, b.id, { step: 2 });
      await invoke(ws.id, a.id, { step: 3 });

      const res = await api.get(`/api/workspaces/${ws.id}/logs`);
      expect(res.status).toBe(200);
      const { logs, total } = expectShape(logsResponse, res.body);
      expect(total).toBe(3);
      expect(logs.map((l) => [(l.requestBody as { step: number }).step, l.functionId])).toEqual([
        [3, a.id],
        [2, b.id],
        [1, a.id],
      ]);
      const limited = expectShape(logsResponse, (await api.get(`/api/workspaces/${ws.id}/logs?limit=2`)).body);
      expect(limited.logs).toHaveLength(2);
      expectNotFound(await api.get("/api/workspaces/ws-missing/logs"));
    },
  );
});

describeEmbeddedRules(
  "invoke and execution logs",
  "levels, what counts as an error, failed runs in the log, limits and cascades the spec does not state",
  () => {
    it("logs a success at level info and a function's 4xx/5xx at level error, and counts 4xx in errorRate", async () => {
      const ws = await api.createWorkspace("invoke-levels");
      const ok = await deployedFunction(ws.id, "/ok");
      const bad = await deployedFunction(ws.id, "/fail");
      const teapot = await deployedFunction(ws.id, "/teapot");
      await invoke(ws.id, ok.id, {});
      await invoke(ws.id, ok.id, {});
      await invoke(ws.id, bad.id, {});
      await invoke(ws.id, teapot.id, {});
      expect((await logsOf(ws.id, ok.id)).logs[0]).toMatchObject({ level: "info" });
      expect((await logsOf(ws.id, bad.id)).logs[0]).toMatchObject({ level: "error" });
      expect((await wsOf(ws.id)).errorRate).toBeCloseTo(50, 5); // 2 errors (500, 418) of 4
    });

    it("stores timed-out and unreachable runs as errors", async () => {
      const ws = await api.createWorkspace("invoke-failed-runs");
      const slow = await deployedFunction(ws.id, "/slow", 1);
      expect((await invoke(ws.id, slow.id, {})).status).toBe(504);
      expect((await logsOf(ws.id, slow.id)).logs[0]).toMatchObject({ status: "error", statusCode: 504 });
      expect(await fnOf(ws.id, slow.id)).toMatchObject({ invocations24h: 1, errors24h: 1 });
      const gone = await api.createFunction(ws.id);
      await api.patch(`/api/workspaces/${ws.id}/functions/${gone.id}`, {
        invocationUrl: `127.0.0.1:${await closedPort()}/run`,
      });
      expect((await invoke(ws.id, gone.id, {})).status).toBe(503);
      expect((await logsOf(ws.id, gone.id)).logs[0]).toMatchObject({ status: "error", statusCode: 503 });
    });

    it("names the body in its refusal of malformed JSON", async () => {
      const ws = await api.createWorkspace("invoke-bad-json-field");
      const fn = await deployedFunction(ws.id, "/ok");
      expectValidationError(
        await api.call("POST", `/api/workspaces/${ws.id}/functions/${fn.id}/invoke`, undefined, "{oops"),
        "body",
      );
    });

    it("refuses limit 0, and limit above 1000 on the workspace's logs too", async () => {
      const ws = await api.createWorkspace("logs-limits");
      const fn = await api.createFunction(ws.id);
      expectValidationError(await api.get(`/api/workspaces/${ws.id}/functions/${fn.id}/logs?limit=0`), "limit");
      expectValidationError(await api.get(`/api/workspaces/${ws.id}/logs?limit=1001`), "limit");
    });

    it("goes away with its workspace", async () => {
      const ws = await api.createWorkspace("logs-cascade");
      const fn = await deployedFunction(ws.id, "/ok");
      await invoke(ws.id, fn.id, {});
      expect((await logsOf(ws.id, fn.id)).total).toBe(1);
      expect((await api.delete(`/api/workspaces/${ws.id}`)).status).toBe(204);
      expectNotFound(await api.get(`/api/workspaces/${ws.id}/logs`));
      expectNotFound(await api.get(`/api/workspaces/${ws.id}/functions/${fn.id}/logs`));
    });
  },
);
