/**
 * POST /api/v1/push against a real registry (docker-registry on loopback): the manifest is read
 * back to prove the push happened. Without docker-registry those tests skip, saying why.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HANDLER_PY, SPIN_PY, captureConsole, startBuild, waitForTask } from "../support/backend-contract-build";
import { expectError, expectNotFound, expectShape, expectValidationError } from "../support/backend-contract-expect";
import { buildResponse } from "../../lib/contract";
import { Api, EMBEDDED, closedPort, startTarget, type Target } from "../support/backend-contract-target";
import { startBearerProxy, type BearerProxy } from "../support/registry-bearer-proxy";
import {
  BCRYPT_AVAILABLE,
  BCRYPT_MISSING_REASON,
  readBlob,
  readManifest,
  startRegistry,
  type Registry,
} from "../support/registry-server";
import { describeEmbeddedRules, REGISTRY_REACHABLE, REGISTRY_SKIP, specRule } from "../support/backend-contract-split";

// A registry on this machine's loopback: only a backend on this machine can reach it (see backend-contract-split).
const NO_REGISTRY = !REGISTRY_REACHABLE;
const NO_AUTH_REGISTRY = NO_REGISTRY || !BCRYPT_AVAILABLE;
const needsRegistry = REGISTRY_SKIP;
const needsAuthRegistry = NO_REGISTRY ? needsRegistry : BCRYPT_AVAILABLE ? "" : ` (skipped: ${BCRYPT_MISSING_REASON})`;
if (NO_REGISTRY) console.warn(`[contract] real-registry push tests${REGISTRY_SKIP}`);
else if (!BCRYPT_AVAILABLE) console.warn(`[contract] basic-auth registry tests skipped: ${BCRYPT_MISSING_REASON}`);

const AUTH = { username: "pusher", password: "Pa55-w0rd!zebra-7781" };
let target: Target;
let api: Api;
let open: Registry | undefined;
let guarded: Registry | undefined;
let bearer: BearerProxy | undefined;

beforeAll(async () => {
  target = await startTarget();
  api = new Api(target.baseUrl);
  if (!NO_REGISTRY) {
    open = await startRegistry();
    bearer = await startBearerProxy(open, AUTH);
  }
  if (!NO_AUTH_REGISTRY) guarded = await startRegistry({ auth: AUTH });
});
afterAll(async () => {
  await Promise.all([target?.close(), open?.close(), guarded?.close(), bearer?.close()]);
});

let wsSeq = 0;
/** A fresh task workspace with one completed build. */
async function builtWorkspace(source = HANDLER_PY, appName = "pushed-app") {
  const ws = `ws-push-${Date.now().toString(36)}-${wsSeq++}`;
  const accepted = await startBuild(api, { name: "app.py", bytes: source }, { workspace_id: ws, app_name: appName });
  const task = await waitForTask(api, accepted.task_id);
  expect(task.status, task.error ?? "").toBe("completed");
  return { ws, build: accepted, task };
}

async function push(body: Record<string, unknown>) {
  const res = await api.post("/api/v1/push", body);
  expect(res.status, res.text).toBe(202);
  return waitForTask(api, (res.body as { task_id: string }).task_id);
}

type Manifest = {
  mediaType: string;
  config: { mediaType: string; digest: string };
  layers: { mediaType: string; digest: string; annotations?: Record<string, string> }[];
};

describe("spec: POST /api/v1/push", () => {
  it(
    specRule(
      "Returns `BuildResponse` (`task_id`); the backend polls the Builder.",
      "accepts a push of a completed build's s3:// location with 202 and a task",
    ),
    async () => {
      const { ws, build } = await builtWorkspace();
      const res = await api.post("/api/v1/push", {
        registry_url: `127.0.0.1:${await closedPort()}/app`,
        tag: "v1.0.0",
        workspace_id: ws,
        s3_source_path: build.source_s3_path,
      });
      expect([200, 202], res.text).toContain(res.status);
      const started = expectShape(buildResponse, res.body);
      expect((await api.get(`/api/v1/tasks/${started.task_id}`)).status).toBe(200);
      await waitForTask(api, started.task_id);
    },
  );
});

describeEmbeddedRules(
  "POST /api/v1/push: requests",
  "registry_url and tag syntax, 404/409 for what s3_source_path names, s3:// only, and its registry error messages",
  () => {
    it("refuses an s3_source_path that is not an s3:// URI, such as a Builder-local file_path (400)", async () => {
      const { build, task } = await builtWorkspace();
      expect(build.source_s3_path).toMatch(/^s3:\/\//);
      const local = `/builds/${task.task_id}/app.wasm`;
      expectValidationError(
        await api.post("/api/v1/push", { registry_url: "127.0.0.1:5000/x", s3_source_path: local }),
        "s3_source_path",
      );
      expectValidationError(
        await api.post("/api/v1/push", {
          registry_url: "127.0.0.1:5000/x",
          s3_source_path: `builds/${task.task_id}/app`,
        }),
        "s3_source_path",
      );
    });

    it("validates registry_url and tag (400)", async () => {
      expectValidationError(
        await api.post("/api/v1/push", { registry_url: "https://registry.example/app" }),
        "registry_url",
      );
      expectValidationError(
        await api.post("/api/v1/push", { registry_url: "registry.example/app", tag: "bad tag" }),
        "tag",
      );
      expectValidationError(await api.post("/api/v1/push", {}), "registry_url");
    });

    it("answers 404 for an unknown s3_source_path, or a workspace without a completed build", async () => {
      expectNotFound(
        await api.post("/api/v1/push", {
          registry_url: "127.0.0.1:5000/x",
          s3_source_path: "s3://elsewhere/builds/nothing.py",
        }),
      );
      expectNotFound(
        await api.post("/api/v1/push", { registry_url: "127.0.0.1:5000/x", workspace_id: `ws-empty-${Date.now()}` }),
      );
    });

    it("answers 409 when s3_source_path names a build that failed", async () => {
      const accepted = await startBuild(
        api,
        { name: "bad.py", bytes: "def handler(:\n" },
        { workspace_id: "ws-push-failed" },
      );
      await waitForTask(api, accepted.task_id);
      expectError(
        await api.post("/api/v1/push", { registry_url: "127.0.0.1:5000/x", s3_source_path: accepted.source_s3_path }),
        409,
        /BUILD_NOT_READY|CONFLICT/,
      );
    });

    it("fails the task with a clear error, without the password, when the registry is unreachable", async () => {
      const { ws } = await builtWorkspace();
      const port = await closedPort();
      const { value: task, output } = await captureConsole(() =>
        push({
          registry_url: `127.0.0.1:${port}/app`,
          username: AUTH.username,
          password: AUTH.password,
          workspace_id: ws,
        }),
      );
      expect(task.status).toBe("failed");
      expect(task.error).toMatch(new RegExp(`cannot reach the registry at http://127\\.0\\.0\\.1:${port}`));
      expect(task.error).not.toContain(AUTH.password);
      if (EMBEDDED) expect(output).not.toContain(AUTH.password);
    });
  },
);

describe("POST /api/v1/push: to a real registry (the embedded Builder's Spin OCI layout; needs a registry the backend can reach)", () => {
  it.skipIf(NO_REGISTRY)(
    `pushes the workspace's latest build as a Spin OCI artifact, one layer per file${needsRegistry}`,
    async () => {
      const { ws } = await builtWorkspace(SPIN_PY, "spin-hello");
      const task = await push({ registry_url: `${open!.url}/contract/spin-hello`, tag: "v1.0.0", workspace_id: ws });
      expect(task.status, task.error ?? "").toBe("completed");
      expect(task.result?.image_uri).toBe(`${open!.url}/contract/spin-hello:v1.0.0`);

      const got = await readManifest(open!, "contract/spin-hello", "v1.0.0");
      expect(got.status).toBe(200);
      expect(got.contentType).toBe("application/vnd.oci.image.manifest.v1+json");
      const manifest = got.body as Manifest;
      expect(manifest.config.mediaType).toBe("application/vnd.fermyon.spin.application.v1+config");
      expect(manifest.layers.map((l) => l.annotations?.["org.opencontainers.image.title"])).toEqual([
        "app.py",
        "spin.toml",
      ]);
      expect(new Set(manifest.layers.map((l) => l.mediaType))).toEqual(
        new Set(["application/vnd.wasm.content.layer.v1+data"]),
      );
      const source = await readBlob(open!, "contract/spin-hello", manifest.layers[0]!.digest);
      expect(source.toString("utf8")).toBe(SPIN_PY);
      const config = JSON.parse(
        (await readBlob(open!, "contract/spin-hello", manifest.config.digest)).toString("utf8"),
      ) as { components: { id: string }[] };
      expect(config.components[0]!.id).toBe("spin-hello");
    },
  );

  it.skipIf(NO_REGISTRY)(`pushes the build named by s3_source_path, not the latest one${needsRegistry}`, async () => {
    const { ws, build } = await builtWorkspace(`def handler(event):\n    return "first"\n`, "first-app");
    const later = await startBuild(
      api,
      { name: "app.py", bytes: HANDLER_PY },
      { workspace_id: ws, app_name: "later-app" },
    );
    await waitForTask(api, later.task_id);
    const task = await push({
      registry_url: `${open!.url}/contract/picked`,
      tag: "one",
      workspace_id: ws,
      s3_source_path: build.source_s3_path,
    });
    expect(task.status, task.error ?? "").toBe("completed");
    const manifest = (await readManifest(open!, "contract/picked", "one")).body as Manifest;
    expect((await readBlob(open!, "contract/picked", manifest.layers[0]!.digest)).toString("utf8")).toContain(
      '"first"',
    );
  });

  it.skipIf(NO_AUTH_REGISTRY)(
    `authenticates with Basic credentials when the registry challenges${needsAuthRegistry}`,
    async () => {
      const { ws } = await builtWorkspace();
      const task = await push({
        registry_url: `${guarded!.url}/private/app`,
        tag: "v1",
        username: AUTH.username,
        password: AUTH.password,
        workspace_id: ws,
      });
      expect(task.status, task.error ?? "").toBe("completed");
      expect((await readManifest(guarded!, "private/app", "v1")).status).toBe(401);
      expect((await readManifest(guarded!, "private/app", "v1", AUTH)).status).toBe(200);
    },
  );

  it.skipIf(NO_AUTH_REGISTRY)(
    `fails clearly when the registry refuses the credentials, never showing the password${needsAuthRegistry}`,
    async () => {
      const { ws } = await builtWorkspace();
      const wrong = "Wr0ng-secret-Value-4242";
      const { value: refused, output } = await captureConsole(() =>
        push({
          registry_url: `${guarded!.url}/private/app`,
          username: AUTH.username,
          password: wrong,
          workspace_id: ws,
        }),
      );
      expect(refused.status).toBe("failed");
      expect(refused.error).toMatch(/refused the credentials/);
      expect(refused.error).not.toContain(wrong);
      expect(refused.error).not.toContain(Buffer.from(`${AUTH.username}:${wrong}`).toString("base64"));
      if (EMBEDDED) expect(output).not.toContain(wrong);
      expect((await api.get(`/api/v1/workspaces/${ws}/tasks`)).text).not.toContain(wrong);
      const anonymous = await push({ registry_url: `${guarded!.url}/private/app`, workspace_id: ws });
      expect(anonymous.status).toBe("failed");
      expect(anonymous.error).toMatch(/requires a username and password/);
    },
  );

  it.skipIf(NO_REGISTRY)(
    `follows the Bearer token flow, asking for pull,push on the repository${needsRegistry}`,
    async () => {
      const { ws } = await builtWorkspace();
      const task = await push({
        registry_url: `${bearer!.url}/tokens/app`,
        tag: "v2",
        username: AUTH.username,
        password: AUTH.password,
        workspace_id: ws,
      });
      expect(task.status, task.error ?? "").toBe("completed");
      expect(
        bearer!.tokenRequests.some(
          (r) =>
            r.authorized && r.scope.includes("repository:tokens/app:pull,push") && r.service === "contract-registry",
        ),
      ).toBe(true);
      expect((await readManifest(open!, "tokens/app", "v2")).status).toBe(200);

      const bad = await push({
        registry_url: `${bearer!.url}/tokens/app`,
        username: AUTH.username,
        password: "nope-not-it-9",
        workspace_id: ws,
      });
      expect(bad.status).toBe("failed");
      expect(bad.error).toMatch(/token service .* refused/);
      expect(bad.error).not.toContain("nope-not-it-9");
    },
  );
});
