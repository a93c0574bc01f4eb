/**
 * POST /api/v1/deploy. Contract-wide: validation and the response shape. Embedded: the deploy
 * lands on the function host (the function becomes invocable at its endpoint), the endpoint
 * appears on the second ask after the configured wait, and replicas are dropped with autoscaling.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deployResponse, errorEnvelope, functionConfig } from "../../lib/contract";
import { HANDLER_PY, startBuild, waitForTask } from "../support/backend-contract-build";
import { expectError, expectNotFound, expectShape, expectValidationError } from "../support/backend-contract-expect";
import { Api, b64, describeEmbedded, startTarget, type Target } from "../support/backend-contract-target";
import { describeEmbeddedRules, REGISTRY_REACHABLE, REGISTRY_SKIP, specRule } from "../support/backend-contract-split";
import { startRegistry } from "../support/registry-server";

const KST = /\+09:00$/;
const dataDir = mkdtempSync(join(tmpdir(), "eunha-deploy-"));
const dbPath = join(dataDir, "platform.db");
let target: Target;
let api: Api;
let wsId: string;

beforeAll(async () => {
  target = await startTarget({ dataDir, dbPath, pipeline: { deployEndpointWaitMs: 10 } });
  api = new Api(target.baseUrl);
  wsId = (await api.createWorkspace("deploy")).id;
});
afterAll(async () => {
  await api?.cleanup();
  await target?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const deploy = (body: Record<string, unknown>) => api.post("/api/v1/deploy", body);
const base = { app_name: "my-spin-app", namespace: "default", image_ref: "123.dkr.ecr.example/my-app:v1.0.0" };

/** A deploy the spec allows: done (2xx), or the Builder failing (spec: 502/503/504 in the envelope). */
function expectDeployAnswer(res: { status: number; text: string; body: unknown }): void {
  if (res.status >= 200 && res.status < 300) return;
  expect([502, 503, 504], res.text).toContain(res.status);
  expectShape(errorEnvelope, res.body);
}

describe("spec: POST /api/v1/deploy", () => {
  it(
    specRule(
      "extra optional fields: `service_account`, `cpu_limit`, `memory_limit`, `cpu_request`, `memory_request`, `custom_tolerations`, `custom_affinity`",
      "accepts the spec's sample request with every optional field",
    ),
    { timeout: 30_000 },
    async () => {
      const fn = await api.createFunction(wsId);
      expectDeployAnswer(
        await deploy({
          ...base,
          enable_autoscaling: true,
          replicas: 3,
          use_spot: true,
          function_id: fn.id,
          service_account: "default",
          cpu_limit: "500m",
          memory_limit: "128Mi",
          cpu_request: "100m",
          memory_request: "64Mi",
          custom_tolerations: [
            { key: "eks.amazonaws.com/capacityType", operator: "Equal", value: "SPOT", effect: "NoSchedule" },
          ],
          custom_affinity: {
            nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
          },
        }),
      );
    },
  );
});

describeEmbeddedRules(
  "POST /api/v1/deploy",
  "its answer's exact key set, name and quantity checks, and 404 for an unknown function_id",
  () => {
    it(
      "deploys a function and answers {status, message, app_name, namespace, endpoint, function_id}",
      { timeout: 30_000 },
      async () => {
        const fn = await api.createFunction(wsId, {
          code: b64(`def handler(event):\n    return {"deployed": True, "echo": event}\n`),
        });
        const res = await deploy({
          ...base,
          app_name: "fn-app",
          function_id: fn.id,
          enable_autoscaling: true,
          replicas: 3,
          use_spot: true,
          cpu_limit: "500m",
          memory_limit: "128Mi",
        });
        expect(res.status, res.text).toBe(200);
        const body = expectShape(deployResponse, res.body);
        expect(Object.keys(res.body as object).sort()).toEqual([
          "app_name",
          "endpoint",
          "function_id",
          "message",
          "namespace",
          "status",
        ]);
        expect(body).toMatchObject({
          status: "deployed",
          app_name: "fn-app",
          namespace: "default",
          function_id: fn.id,
        });
        expect(body.endpoint).toBeTruthy();
        expect(body.message).toBeTruthy();

        const after = expectShape(functionConfig, (await api.get(`/api/workspaces/${wsId}/functions/${fn.id}`)).body);
        expect(after.invocationUrl).toBe(body.endpoint);
        expect(after.lastDeployed).toMatch(KST);
      },
    );

    it("validates names, quantities, tolerations and affinity (400)", async () => {
      expectValidationError(await deploy({ ...base, app_name: "Bad_Name" }), "app_name");
      expectValidationError(await deploy({ ...base, namespace: "Not A Namespace" }), "namespace");
      expectValidationError(await deploy({ ...base, image_ref: "" }), "image_ref");
      expectValidationError(await deploy({ ...base, cpu_limit: "two cores" }), "cpu_limit");
      expectValidationError(await deploy({ ...base, memory_request: "128MB" }), "memory_request");
      expectValidationError(await deploy({ ...base, custom_tolerations: { key: "spot" } }), "custom_tolerations");
      expectValidationError(
        await deploy({ ...base, custom_tolerations: [{ key: "spot", effect: "Sometimes" }] }),
        "custom_tolerations",
      );
      expectValidationError(await deploy({ ...base, custom_affinity: "zone-a" }), "custom_affinity");
      expectValidationError(await deploy({ ...base, replicas: 101 }), "replicas");
      expectValidationError(await deploy({ ...base, service_account: "Has Spaces" }), "service_account");
    });

    it("accepts tolerations and affinity as objects, and quantities like 500m and 128Mi", async () => {
      const res = await deploy({
        ...base,
        app_name: "full-spec",
        cpu_limit: "500m",
        memory_limit: "128Mi",
        cpu_request: "0.1",
        memory_request: "64Mi",
        custom_tolerations: [
          { key: "eks.amazonaws.com/capacityType", operator: "Equal", value: "SPOT", effect: "NoSchedule" },
        ],
        custom_affinity: {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
        },
      });
      expect(res.status, res.text).toBe(200);
      expect(expectShape(deployResponse, res.body).status).toBe("deployed");
    });

    it("answers 404 for an unknown function_id", async () => {
      expectNotFound(await deploy({ ...base, function_id: "fn-does-not-exist" }));
    });
  },
);

describeEmbedded("deploy on the embedded function host", () => {
  it("points the function at /fn/{id} on this backend, where invoke now runs it", async () => {
    const fn = await api.createFunction(wsId, {
      code: b64(`def handler(event):\n    return {"deployed": True, "name": event.get("name")}\n`),
    });
    const body = expectShape(
      deployResponse,
      (await deploy({ ...base, app_name: "invocable", function_id: fn.id })).body,
    );
    expect(body.endpoint).toBe(`${target.baseUrl}/fn/${fn.id}`);
    const direct = await fetch(body.endpoint!, { method: "POST", body: JSON.stringify({ name: "지수" }) });
    expect(await direct.json()).toEqual({ deployed: true, name: "지수" });
    const invoked = await api.post(`/api/workspaces/${wsId}/functions/${fn.id}/invoke`, { name: "민수" });
    expect(invoked.status, invoked.text).toBe(200);
    expect(invoked.body).toEqual({ deployed: true, name: "민수" });
  });

  it("waits for the endpoint and asks again, as the spec says (the wait is configurable)", async () => {
    const slow = await startTarget({ pipeline: { deployEndpointWaitMs: 300 } });
    try {
      const started = performance.now();
      const res = await new Api(slow.baseUrl).post("/api/v1/deploy", { ...base, app_name: "patient" });
      expect(res.status, res.text).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(290);
      expect(expectShape(deployResponse, res.body).endpoint).toBe(`${slow.baseUrl}/apps/default/patient`);
    } finally {
      await slow.close();
    }
  });

  it("drops replicas when enable_autoscaling is true, keeps them otherwise", async () => {
    await deploy({ ...base, app_name: "scaled", enable_autoscaling: true, replicas: 4 });
    await deploy({ ...base, app_name: "fixed", replicas: 4 });
    const db = new Database(dbPath, { readonly: true });
    try {
      const spec = (name: string) =>
        JSON.parse(
          (db.prepare("SELECT spec FROM deployments WHERE app_name = ?").get(name) as { spec: string }).spec,
        ) as Record<string, unknown>;
      expect(spec("scaled")).not.toHaveProperty("replicas");
      expect(spec("scaled").enable_autoscaling).toBe(true);
      expect(spec("fixed").replicas).toBe(4);
    } finally {
      db.close();
    }
  });

  it("without function_id, serves the app at /apps/{namespace}/{app}; an image it did not push cannot run", async () => {
    const body = expectShape(
      deployResponse,
      (await deploy({ ...base, app_name: "foreign", namespace: "team-a", image_ref: "docker.io/library/nginx:1" }))
        .body,
    );
    expect(body).toMatchObject({ function_id: null, endpoint: `${target.baseUrl}/apps/team-a/foreign` });
    expectError(await api.get("/apps/team-a/foreign"), 502, "IMAGE_NOT_RUNNABLE");
    expectNotFound(await api.get("/apps/team-a/never-deployed"));
  });

  it.skipIf(!REGISTRY_REACHABLE)(
    `a function's endpoint runs its deployed image, not a later save; the earlier image rolls it back${REGISTRY_SKIP}`,
    async () => {
      const registry = await startRegistry();
      try {
        const version = (n: number) => `def handler(event):\n    return {"version": ${n}}\n`;
        const fn = await api.createFunction(wsId, { code: b64(version(1)) });
        const image = async (n: number) => {
          const accepted = await startBuild(
            api,
            { name: "app.py", bytes: version(n) },
            { registry_url: `${registry.url}/fns/versioned`, app_name: "versioned", tag: `v${n}` },
            "/api/v1/build-and-push",
          );
          const task = await waitForTask(api, accepted.task_id);
          expect(task.status, task.error ?? "").toBe("completed");
          return task.result!.image_url!;
        };
        const [v1, v2] = [await image(1), await image(2)];
        const answer = async () => {
          const res = await api.post(`/api/workspaces/${wsId}/functions/${fn.id}/invoke`, {});
          expect(res.status, res.text).toBe(200);
          return res.body;
        };
        const deployImage = async (ref: string) =>
          expect((await deploy({ ...base, app_name: "versioned", function_id: fn.id, image_ref: ref })).status).toBe(
            200,
          );

        await deployImage(v2);
        expect(await answer()).toEqual({ version: 2 });
        // A save is not a deploy: the pod keeps running the image it pulled.
        const saved = await api.patch(`/api/workspaces/${wsId}/functions/${fn.id}`, { code: b64(version(3)) });
        expect(saved.status, saved.text).toBe(200);
        expect(await answer()).toEqual({ version: 2 });
        await deployImage(v1);
        expect(await answer()).toEqual({ version: 1 });
      } finally {
        await registry.close();
      }
    },
  );

  it.skipIf(!REGISTRY_REACHABLE)(`runs a pushed package at the app endpoint${REGISTRY_SKIP}`, async () => {
    const registry = await startRegistry();
    try {
      const accepted = await startBuild(
        api,
        { name: "hello.py", bytes: HANDLER_PY },
        { registry_url: `${registry.url}/apps/hello`, app_name: "hello" },
        "/api/v1/build-and-push",
      );
      const task = await waitForTask(api, accepted.task_id);
      expect(task.status, task.error ?? "").toBe("completed");
      const body = expectShape(
        deployResponse,
        (await deploy({ app_name: "hello", namespace: "apps", image_ref: task.result!.image_url! })).body,
      );
      const res = await fetch(body.endpoint!, { method: "POST", body: JSON.stringify({ name: "은하" }) });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ hello: "은하" });
    } finally {
      await registry.close();
    }
  });
});
