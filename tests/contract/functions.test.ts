import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionConfig, functionList, workspace } from "../../lib/contract";
import { created, expectNotFound, expectShape, expectValidationError } from "../support/backend-contract-expect";
import { Api, b64, functionInput, startTarget, type Target } from "../support/backend-contract-target";
import { describeEmbeddedRules, specRule } from "../support/backend-contract-split";

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

describe("spec: Function API, create", () => {
  it(
    specRule(
      "checks that the workspace exists, then stores in DynamoDB + S3",
      "stores a function and answers the full FunctionConfig",
    ),
    async () => {
      const input = functionInput({
        name: "user-auth",
        memory: 256,
        timeout: 30,
        environmentVariables: { JWT_SECRET: "***" },
      });
      const res = await api.post(fnPath(), input);
      created(res);
      const fn = expectShape(functionConfig, res.body);
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
    },
  );

  it(specRule('default "Python 3.12"', "defaults the runtime"), async () => {
    const input = functionInput();
    delete input.runtime;
    const fn = expectShape(functionConfig, (await api.post(fnPath(), input)).body);
    expect(fn.runtime).toBe("Python 3.12");
  });

  it(specRule("checks that the workspace exists", "requires the workspace to exist"), async () => {
    expectNotFound(await api.post("/api/workspaces/ws-missing/functions", functionInput()));
  });

  it(specRule("128..1024 (MB)", "accepts the limits of memory (and timeout: 1..900)"), async () => {
    for (const [memory, timeout] of [
      [128, 1],
      [1024, 900],
    ]) {
      const res = await api.post(fnPath(), functionInput({ memory, timeout }));
      created(res);
      expect(expectShape(functionConfig, res.body)).toMatchObject({ memory, timeout });
    }
  });

  const refuse = async (field: string, overrides: Record<string, unknown>) => {
    const input = functionInput(overrides);
    for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete input[k];
    expectValidationError(await api.post(fnPath(), input), field);
  };
  it.each([
    ["code that is not Base64", { code: "this is not base64!" }],
    ["Base64 with a bad length", { code: "abc" }],
  ])(specRule("`code` must be valid Base64", "refuses %s"), (_what, overrides) => refuse("code", overrides));
  it.each([
    ["no HTTP method", { httpMethods: [] }],
    ["missing httpMethods", { httpMethods: undefined }],
  ])(specRule("`httpMethods` needs at least one entry", "refuses %s"), (_what, overrides) =>
    refuse("httpMethods", overrides),
  );
  it.each([
    ["memory below 128", { memory: 127 }],
    ["memory above 1024", { memory: 1025 }],
  ])(specRule("128..1024 (MB)", "refuses %s"), (_what, overrides) => refuse("memory", overrides));
  it.each([
    ["timeout below 1", { timeout: 0 }],
    ["timeout above 900", { timeout: 901 }],
  ])(specRule("1..900 (seconds)", "refuses %s"), (_what, overrides) => refuse("timeout", overrides));
});

describe("spec: Function API, update (PATCH)", () => {
  it(specRule("only the fields sent are patched"), async () => {
    const before = await api.createFunction(wsId, { description: "original", environmentVariables: { A: "1" } });
    const res = await api.patch(fnPath(before.id), { description: "Updated" });
    expect(res.status).toBe(200);
    const after = expectShape(functionConfig, res.body);
    const { description: _a, lastModified: _b, ...restAfter } = after;
    const { description: _c, lastModified: _d, ...restBefore } = expectShape(functionConfig, before);
    expect(after.description).toBe("Updated");
    expect(restAfter).toEqual(restBefore);

    const mem = expectShape(functionConfig, (await api.patch(fnPath(before.id), { memory: 512 })).body);
    expect(mem).toMatchObject({
      memory: 512,
      description: "Updated",
      environmentVariables: { A: "1" },
      code: before.code,
    });
    const disabled = expectShape(functionConfig, (await api.patch(fnPath(before.id), { status: "disabled" })).body);
    expect(disabled).toMatchObject({ status: "disabled", memory: 512 });
  });

  it(specRule("an `invocationUrl` without a scheme gets `http://` prepended"), async () => {
    const fn = await api.createFunction(wsId);
    const plain = expectShape(
      functionConfig,
      (await api.patch(fnPath(fn.id), { invocationUrl: "fn.prod.example/run" })).body,
    );
    expect(plain.invocationUrl).toBe("http://fn.prod.example/run");
    const https = expectShape(
      functionConfig,
      (await api.patch(fnPath(fn.id), { invocationUrl: "https://fn.prod.example/run" })).body,
    );
    expect(https.invocationUrl).toBe("https://fn.prod.example/run");
  });

  it(specRule("a `lastDeployed` sent as ISO is converted to KST and stored"), async () => {
    const fn = await api.createFunction(wsId);
    const res = await api.patch(fnPath(fn.id), { lastDeployed: "2025-12-07T03:00:00Z" });
    const updated = expectShape(functionConfig, res.body);
    expect(updated.lastDeployed).toMatch(/^2025-12-07T12:00:00(\.0+)?\+09:00$/);
    const other = expectShape(
      functionConfig,
      (await api.patch(fnPath(fn.id), { lastDeployed: "2025-12-07T05:30:00-02:00" })).body,
    );
    expect(other.lastDeployed).toMatch(/^2025-12-07T16:30:00(\.0+)?\+09:00$/);
    expect(expectShape(functionConfig, (await api.get(fnPath(fn.id))).body).lastDeployed).toBe(other.lastDeployed);
  });

  it(
    specRule(
      "a changed `code` is re-validated as Base64 and S3 is updated",
      "replaces the stored source when code changes",
    ),
    async () => {
      const fn = await api.createFunction(wsId);
      const code = b64("def handler(event):\n    return 'v2'\n");
      expect(expectShape(functionConfig, (await api.patch(fnPath(fn.id), { code })).body).code).toBe(code);
      expect(expectShape(functionConfig, (await api.get(fnPath(fn.id))).body).code).toBe(code);
    },
  );

  const revalidated = async (field: string, patch: Record<string, unknown>) => {
    const fn = await api.createFunction(wsId);
    expectValidationError(await api.patch(fnPath(fn.id), patch), field);
    expect(expectShape(functionConfig, (await api.get(fnPath(fn.id))).body).code).toBe(fn.code);
  };
  it(specRule("a changed `code` is re-validated as Base64", "re-validates code"), () =>
    revalidated("code", { code: "%%%" }),
  );
  it(specRule("128..1024 (MB)", "re-validates memory"), () => revalidated("memory", { memory: 2048 }));
  it(specRule("1..900 (seconds)", "re-validates timeout"), () => revalidated("timeout", { timeout: 0 }));

  it(
    specRule("404: resource absent (`NOT_FOUND`)", "answers 404 for an unknown function or one of another workspace"),
    async () => {
      expectNotFound(await api.patch(fnPath("fn-missing"), { description: "x" }));
      const fn = await api.createFunction(wsId);
      const other = await api.createWorkspace("other");
      expectNotFound(await api.get(`/api/workspaces/${other.id}/functions/${fn.id}`));
    },
  );
});

describe("spec: Notes the front-end team was given (source encoding)", () => {
  it(specRule("Korean comments and strings must survive the round trip byte for byte"), async () => {
    const source = [
      "# -*- coding: utf-8 -*-",
      "# 주문 처리 함수: 한국어 주석과 문자열이 그대로 보존되어야 합니다.",
      "def handler(event):",
      '    인사 = "안녕하세요, 세계! 🌏"',
      '    print(f"{인사} — 요청: {event}")',
      '    return {"메시지": 인사}\r\n',
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

describe("spec: Function API, delete", () => {
  it(
    specRule(
      "`DELETE /api/workspaces/{workspaceId}/functions/{functionId}` → 204.",
      "answers 204, then 404, and the workspace's count drops",
    ),
    async () => {
      const ws = await api.createWorkspace("delete-fn");
      const fn = await api.createFunction(ws.id);
      const res = await api.delete(`/api/workspaces/${ws.id}/functions/${fn.id}`);
      expect(res.status).toBe(204);
      expectNotFound(await api.get(`/api/workspaces/${ws.id}/functions/${fn.id}`));
      expectNotFound(await api.delete(`/api/workspaces/${ws.id}/functions/${fn.id}`));
      expect(expectShape(workspace, (await api.get(`/api/workspaces/${ws.id}`)).body).functionCount).toBe(0);
    },
  );
});

describeEmbeddedRules("functions", "ids, names, UTF-8 source and patch checks the spec does not state", () => {
  it("prefixes function ids with fn-", async () => {
    expect((await api.createFunction(wsId)).id).toMatch(/^fn-/);
  });

  const refusedOnCreate: [string, string, Record<string, unknown>][] = [
    ["a missing name", "name", { name: undefined }],
    ["an empty name", "name", { name: "" }],
    ["Base64 whose bytes are not UTF-8", "code", { code: Buffer.from([0xff, 0xfe, 0xfd]).toString("base64") }],
    ["missing code", "code", { code: undefined }],
  ];
  it.each(refusedOnCreate)("refuses %s on create (details.field = %s)", async (_what, field, overrides) => {
    const input = functionInput(overrides);
    for (const [k, v] of Object.entries(overrides)) if (v === undefined) delete input[k];
    expectValidationError(await api.post(fnPath(), input), field);
  });

  const refusedOnPatch: [string, Record<string, unknown>][] = [
    ["name", { name: "" }],
    ["code", { code: Buffer.from([0xc3, 0x28]).toString("base64") }],
    ["httpMethods", { httpMethods: [] }],
  ];
  it.each(refusedOnPatch)("re-validates %s on patch", async (field, patch) => {
    const fn = await api.createFunction(wsId);
    expectValidationError(await api.patch(fnPath(fn.id), patch), field);
    expect(expectShape(functionConfig, (await api.get(fnPath(fn.id))).body).code).toBe(fn.code);
  });
});
