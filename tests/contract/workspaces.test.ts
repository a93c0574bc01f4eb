import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { functionList, workspace, workspaceList } from "../../lib/contract";
import {
  created,
  expectError,
  expectNotFound,
  expectShape,
  expectValidationError,
} from "../support/backend-contract-expect";
import { Api, startTarget, type Target } from "../support/backend-contract-target";
import { describeEmbeddedRules, specRule } from "../support/backend-contract-split";

let target: Target;
let api: Api;

beforeAll(async () => {
  target = await startTarget();
  api = new Api(target.baseUrl);
});
afterAll(async () => {
  await api?.cleanup();
  await target?.close();
});

describe("spec: Workspace API", () => {
  it(
    specRule("Response timestamps are ISO KST.", "creates a workspace with KST timestamps and zeroed aggregates"),
    async () => {
      const res = await api.post("/api/workspaces", { name: "Production", description: "Customer facing" });
      created(res);
      const ws = expectShape(workspace, res.body);
      expect(ws).toMatchObject({
        name: "Production",
        description: "Customer facing",
        functionCount: 0,
        invocations24h: 0,
        errorRate: 0,
      });
      expect(ws.createdAt).toMatch(/\+09:00$/);
      expect(Math.abs(Date.parse(ws.createdAt) - Date.now())).toBeLessThan(60_000);
    },
  );

  it(specRule("used by the landing cards and the workspace picker", "lists and fetches workspaces"), async () => {
    const ws = await api.createWorkspace("listed");
    const list = expectShape(workspaceList, (await api.get("/api/workspaces")).body);
    expect(list.map((w) => w.id)).toContain(ws.id);
    const one = await api.get(`/api/workspaces/${ws.id}`);
    expect(one.status).toBe(200);
    expect(expectShape(workspace, one.body).name).toBe("listed");
  });

  it(specRule("404: resource absent (`NOT_FOUND`)", "answers 404 NOT_FOUND for an unknown workspace"), async () => {
    expectNotFound(await api.get("/api/workspaces/ws-does-not-exist"));
    expectNotFound(await api.patch("/api/workspaces/ws-does-not-exist", { name: "x" }));
    expectNotFound(await api.delete("/api/workspaces/ws-does-not-exist"));
  });

  it(specRule("`name` required.", "requires a non-empty name on create"), async () => {
    expectValidationError(await api.post("/api/workspaces", { description: "no name" }), "name");
    expectValidationError(await api.post("/api/workspaces", { name: "" }), "name");
  });

  it(
    specRule("`name` may not be an empty string", "patches only the fields sent and refuses an empty name"),
    async () => {
      const ws = await api.createWorkspace("before");
      const renamed = await api.patch(`/api/workspaces/${ws.id}`, { name: "after" });
      expect(renamed.status).toBe(200);
      expect(expectShape(workspace, renamed.body)).toMatchObject({
        name: "after",
        description: "created by the contract suite",
      });

      const described = await api.patch(`/api/workspaces/${ws.id}`, { description: "new text" });
      expect(expectShape(workspace, described.body)).toMatchObject({ name: "after", description: "new text" });

      expectValidationError(await api.patch(`/api/workspaces/${ws.id}`, { name: "" }), "name");
      expect(expectShape(workspace, (await api.get(`/api/workspaces/${ws.id}`)).body).name).toBe("after");
    },
  );

  it(
    specRule(
      "204. Its functions must be cleaned up too.",
      "deletes with 204 and takes the workspace's functions with it",
    ),
    async () => {
      const ws = await api.createWorkspace("doomed");
      const fn = await api.createFunction(ws.id);
      expect(expectShape(workspace, (await api.get(`/api/workspaces/${ws.id}`)).body).functionCount).toBe(1);

      const res = await api.delete(`/api/workspaces/${ws.id}`);
      expect(res.status).toBe(204);
      expect(res.text).toBe("");
      expectNotFound(await api.get(`/api/workspaces/${ws.id}`));
      expectNotFound(await api.get(`/api/workspaces/${ws.id}/functions/${fn.id}`));
      const list = expectShape(workspaceList, (await api.get("/api/workspaces")).body);
      expect(list.map((w) => w.id)).not.toContain(ws.id);
    },
  );

  it(specRule("aggregate kept by the backend", "counts functions in functionCount as they come and go"), async () => {
    const ws = await api.createWorkspace("counted");
    const a = await api.createFunction(ws.id);
    await api.createFunction(ws.id);
    expect(expectShape(workspace, (await api.get(`/api/workspaces/${ws.id}`)).body).functionCount).toBe(2);
    expect(expectShape(functionList, (await api.get(`/api/workspaces/${ws.id}/functions`)).body)).toHaveLength(2);
    expect((await api.delete(`/api/workspaces/${ws.id}/functions/${a.id}`)).status).toBe(204);
    expect(expectShape(workspace, (await api.get(`/api/workspaces/${ws.id}`)).body).functionCount).toBe(1);
  });
});

describe("spec: Errors and common rules", () => {
  it(specRule("404: resource absent (`NOT_FOUND`)", "answers an unknown route with 404"), async () => {
    expectNotFound(await api.get("/api/no-such-resource"));
    expectNotFound(await api.get("/definitely/not/here"));
  });

  it(
    specRule(
      "400: validation failed (`VALIDATION_ERROR`)",
      "answers malformed JSON with a validation error, not a 500",
    ),
    async () => {
      const res = await api.call("POST", "/api/workspaces", undefined, "{not json");
      expect([400, 422]).toContain(res.status);
    },
  );

  it(specRule("400: validation failed (`VALIDATION_ERROR`)", "refuses a body that is not an object"), async () => {
    const res = await api.post("/api/workspaces", ["name"]);
    expect([400, 422]).toContain(res.status);
  });
});

describeEmbeddedRules(
  "workspaces",
  "ids, the envelope on every refusal, and the routes under a deleted workspace",
  () => {
    it("prefixes workspace ids with ws-", async () => {
      expect((await api.createWorkspace("prefixed")).id).toMatch(/^ws-/);
    });

    it("answers malformed JSON and a non-object body with its envelope naming the body", async () => {
      expectValidationError(await api.call("POST", "/api/workspaces", undefined, "{not json"), "body");
      expectError(await api.post("/api/workspaces", ["name"]), 400, "VALIDATION_ERROR");
    });

    it("answers 404 for the function list and logs of a deleted workspace", async () => {
      const ws = await api.createWorkspace("gone");
      const fn = await api.createFunction(ws.id);
      expect((await api.delete(`/api/workspaces/${ws.id}`)).status).toBe(204);
      expectNotFound(await api.get(`/api/workspaces/${ws.id}/functions/${fn.id}/logs`));
      expectNotFound(await api.get(`/api/workspaces/${ws.id}/functions`));
    });
  },
);
