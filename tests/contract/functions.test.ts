import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionConfig, functionList, workspace } from "../../lib/contract";
import { created, expectNotFound, expectShape, expectValidationError } from "../support/backend-contract-expect";
import { Api, b64, functionInput, startTarget, type Target } from "../support/backend-contract-target";

let target: Target;
let api: Api;
let wsId: string;

beforeAll(async () => {
  target = await startTarget();
  api = new Api(target.baseUrl);
  wsId = (await api.createWorkspace("functions")).id;
});
afterAll(async () => {
  await api?.cleanup();
  await target?.close();
});

const fnPath = (id = "") => `/api/workspaces/${wsId}/functions${id ? `/${id}` : ""}`;

describe("create", () => {
  it("stores a function and answers the full FunctionConfig", async () => {
    const input = functionInput({ name: "user-auth", memory: 256, timeout: 30, environmentVariables: { JWT_SECRET: "***" } });
    const res = await api.post(fnPath(), input);
    created(res);
    const fn = expectShape(functionConfig, res.body);
    expect(fn.id).toMatch(/^fn-/);
    expect(fn).toMatchObject({
      workspaceId: wsId,
      name: "user-auth",
      runtime: "Python 3.12",
      memory: 256,
      timeout: 30,
      httpMethods: ["POST"],
      environmentVariables: { JWT_SECRET: "***" },
      code: input.code,
      status: "active",
      invocations24h: 0,
      errors24h: 0,
      avgDuration: 0,
    });
    expect(fn.lastModified).toMatch(/\+09:00$/);
    expect(fn.lastDeployed ?? null).toBeNull();
    expect(fn.invocationUrl ?? null).toBeNull();
    expect(expectShape(functionConfig, (await api.get(fnPath(fn.id))).body)).toEqual(fn);
  });

  it('defaults runtime to "Python 3.12"', async () => {
    const input = functionInput();
    delete input.runtime;
    const fn = expectShape(functionConfig, (await api.post(fnPath(), input)).body);
    expect(fn.runtime).toBe("Python 3.12");
  });

  it("requires the workspace to exist", async () => {
    expectNotFound(await api.post("/api/workspaces/ws-missing/functions", functionInput()));
  });

  it("accepts the limits of memory and timeout", async () => {
    for (const [memory, timeout] of [
      [128, 1],
      [1024, 900],
    ]) {
      const res = await api.post(fnPath(), functionInput({ memory, timeout }));
      created(res);
      expect(expectShape(functionConfig, res.body)).toMatchObject({ memory, timeout });
    }
  });

  const invalid: [string, string, Record<string, unknown>][] = [
    ["a missing name", "name", { name: undefined }],
    ["an empty name", "name", { name: "" }],
    ["code that is not Base64", "code", { code: "this is not base64!" }],
    ["Base64 with a bad length", "code", { code: "abc" }],
    ["Base64 whose bytes are not UTF-8", "code", { code: Buffer.from([0xff, 0xfe, 0xfd]).toString("base64") }],
    ["missing code", "code", { code: undefined }],
    ["no HTTP method", "httpMethods", { httpMethods: [] }],
    ["missing httpMethods", "httpMethods", { httpMethods: undefined }],
    ["memory below 128", "memory", { memory: 127 }],
    ["memory above 1024", "memory", { memory: 1025 }],
    ["timeout below 1", "timeout", { timeout: 0 }],
    ["timeout above 900", "timeout", { timeout: 901 }],
  ];
  it.each(invalid)("refuses %s (details.field = %s)", async (_what, field, overrides) => {
    const input = functionInput(overrides);
    for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete input[k];
    expectValidationError(await api.post(fnPath(), input), field);
  });
});

describe("update (PATCH)", () => {
  it("changes only the fields sent", async () => {
    const before = await api.createFunction(wsId, { description: "original", environmentVariables: { A: "1" } });
    const res = await api.patch(fnPath(before.id), { description: "Updated" });
    expect(res.status).toBe(200);
    const after = expectShape(functionConfig, res.body);
    const { description: _a, lastModified: _b, ...restAfter } = after;
    const { description: _c, lastModified: _d, ...restBefore } = expectShape(functionConfig, before);
    expect(after.description).toBe("Updated");
    expect(restAfter).toEqual(restBefore);

    const mem = expectShape(functionConfig, (await api.patch(fnPath(before.id), { memory: 512 })).body);
    expect(mem).toMatchObject({ memory: 512, description: "Updated", environmentVariables: { A: "1" }, code: before.code });
    const disabled = expectShape(functionConfig, (await api.patch(fnPath(before.id), { status: "disabled" })).body);
    expect(disabled).toMatchObject({ status: "disabled", memory: 512 });
  });

  it("prepends http:// to an invocationUrl without a scheme and keeps one that has it", async () => {
    const fn = await api.createFunction(wsId);
    const plain = expectShape(functionConfig, (await api.patch(fnPath(fn.id), { invocationUrl: "fn.prod.example/run" })).body);
    expect(plain.invocationUrl).toBe("http://fn.prod.example/run");
    const https = expectShape(functionConfig, (await api.patch(fnPath(fn.id), { invocationUrl: "https://fn.prod.example/run" })).body);
    expect(https.invocationUrl).toBe("https://fn.prod.example/run");
  });

  it("converts lastDeployed to KST", async () => {
    const fn = await api.createFunction(wsId);
    const res = await api.patch(fnPath(fn.id), { lastDeployed: "2025-12-07T03:00:00Z" });
    const updated = expectShape(functionConfig, res.body);
    expect(updated.lastDeployed).toMatch(/^2025-12-07T12:00:00(\.0+)?\+09:00$/);
    const other = expectShape(functionConfig, (await api.patch(fnPath(fn.id), { lastDeployed: "2025-12-07T05:30:00-02:00" })).body);
    expect(other.lastDeployed).toMatch(/^2025-12-07T16:30:00(\.0+)?\+09:00$/);
    expect(expectShape(functionConfig, (await api.get(fnPath(fn.id))).body).lastDeployed).toBe(other.lastDeployed);
  });

  it("replaces the stored source when code changes", async () => {
    const fn = await api.createFunction(wsId);
    const code = b64("def handler(event):\n    return 'v2'\n");
    expect(expectShape(functionConfig, (await api.patch(fnPath(fn.id), { code })).body).code).toBe(code);
    expect(expectShape(functionConfig, (await api.get(fnPath(fn.id))).body).code).toBe(code);
  });

  const invalid: [string, Record<string, unknown>][] = [
    ["name", { name: "" }],
    ["code", { code: "%%%" }],
    ["code", { code: Buffer.from([0xc3, 0x28]).toString("base64") }],
    ["httpMethods", { httpMethods: [] }],
    ["memory", { memory: 2048 }],
    ["timeout", { timeout: 0 }],
  ];
  it.each(invalid)("re-validates %s", async (field, patch) => {
    const fn = await api.createFunction(wsId);
    expectValidationError(await api.patch(fnPath(fn.id), patch), field);
    expect(expectShape(functionConfig, (await api.get(fnPath(fn.id))).body).code).toBe(fn.code);
  });

  it("answers 404 for an unknown function or one of another workspace", async () => {
    expectNotFound(await api.patch(fnPath("fn-missing"), { description: "x" }));
    const fn = await api.createFunction(wsId);
    const other = await api.createWorkspace("other");
    expectNotFound(await api.get(`/api/workspaces/${other.id}/functions/${fn.id}`));
  });
});

describe("source encoding", () => {
  it("round-trips Korean source byte for byte through create and get", async () => {
    const source = [
      "# -*- coding: utf-8 -*-",
      "# 주문 처리 함수: 한국어 주석과 문자열이 그대로 보존되어야 합니다.",
      "def handler(event):",
      '    인사 = "안녕하세요, 세계! 🌏"',
      '    print(f"{인사} — 요청: {event}")',
      "    return {\"메시지\": 인사}\r\n",
    ].join("\n");
    const code = b64(source);
    const fn = expectShape(functionConfig, (await api.post(fnPath(), functionInput({ code }))).body);
    const fetched = expectShape(functionConfig, (await api.get(fnPath(fn.id))).body);
    expect(fetched.code).toBe(code);
    expect(Buffer.from(fetched.code, "base64").equals(Buffer.from(source, "utf8"))).toBe(true);
    const listed = expectShape(functionList, (await api.get(fnPath())).body).find((f) => f.id === fn.id);
    expect(listed?.code).toBe(code);
  });
});

describe("delete", () => {
  it("answers 204, then 404, and the workspace's count drops", async () => {
    const ws = await api.createWorkspace("delete-fn");
    const fn = await api.createFunction(ws.id);
    const res = await api.delete(`/api/workspaces/${ws.id}/functions/${fn.id}`);
    expect(res.status).toBe(204);
    expectNotFound(await api.get(`/api/workspaces/${ws.id}/functions/${fn.id}`));
    expectNotFound(await api.delete(`/api/workspaces/${ws.id}/functions/${fn.id}`));
    expect(expectShape(workspace, (await api.get(`/api/workspaces/${ws.id}`)).body).functionCount).toBe(0);
  });
});
