/**
 * POST /api/v1/build-and-push: one task builds and pushes. The default tag `sha256` becomes
 * `task-{task_id}`, and the result carries `image_url` (`registry_url:tag`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceTaskList } from "../../lib/contract";
import { HANDLER_PY, makeZip, postForm, startBuild, waitForTask } from "../support/backend-contract-build";
import { expectShape, expectValidationError } from "../support/backend-contract-expect";
import { Api, startTarget, type Target } from "../support/backend-contract-target";
import { readManifest, startRegistry, type Registry } from "../support/registry-server";
import { describeEmbeddedRules, REGISTRY_REACHABLE, REGISTRY_SKIP, specRule } from "../support/backend-contract-split";

// A registry on this machine's loopback: only a backend on this machine can reach it (see backend-contract-split).
const NO_REGISTRY = !REGISTRY_REACHABLE;
const needsRegistry = REGISTRY_SKIP;
if (NO_REGISTRY) console.warn(`[contract] build-and-push tests that push${REGISTRY_SKIP}`);

let target: Target;
let api: Api;
let registry: Registry | undefined;

beforeAll(async () => {
  target = await startTarget();
  api = new Api(target.baseUrl);
  if (!NO_REGISTRY) registry = await startRegistry();
});
afterAll(async () => Promise.all([target?.close(), registry?.close()]));

const path = "/api/v1/build-and-push";

describe("spec: POST /api/v1/build-and-push", () => {
  it(
    specRule(
      "`POST /api/v1/build-and-push` (multipart/form-data): `file` (.py/.zip), `registry_url`",
      "validates its form: file and registry_url are required (400)",
    ),
    async () => {
      expectValidationError(await postForm(api, path, { name: "a.py", bytes: HANDLER_PY }), "registry_url");
      expectValidationError(await postForm(api, path, null, { registry_url: "127.0.0.1:5000/app" }), "file");
      expectValidationError(
        await postForm(api, path, { name: "a.exe", bytes: "MZ" }, { registry_url: "127.0.0.1:5000/app" }),
        "file",
      );
    },
  );

  it.skipIf(NO_REGISTRY)(
    specRule(
      "`tag` (default `sha256`, which the backend replaces with `task-{task_id}`)",
      `builds and pushes with tag task-{task_id} by default, and reports image_url${needsRegistry}`,
    ),
    async () => {
      const ws = `ws-bnp-${Date.now().toString(36)}`;
      const accepted = await startBuild(
        api,
        { name: "hello.py", bytes: HANDLER_PY },
        { registry_url: `${registry!.url}/bnp/hello`, app_name: "hello", workspace_id: ws },
        path,
      );
      expect(accepted.source_s3_path).toMatch(/^s3:\/\//);
      const task = await waitForTask(api, accepted.task_id);
      expect(task.status, task.error ?? "").toBe("completed");
      const tag = `task-${accepted.task_id}`;
      expect(task.result?.image_url).toBe(`${registry!.url}/bnp/hello:${tag}`);
      expect(task.result?.wasm_path || task.result?.file_path).toBeTruthy();
      expect((await readManifest(registry!, "bnp/hello", tag)).status).toBe(200);

      const history = expectShape(workspaceTaskList, (await api.get(`/api/v1/workspaces/${ws}/tasks`)).body);
      expect(history[0]).toMatchObject({
        task_id: accepted.task_id,
        status: "completed",
        app_name: "hello",
        result: { image_url: task.result?.image_url },
      });
    },
  );

  it.skipIf(NO_REGISTRY)(
    specRule("the backend fills in `registry_url:tag`", `keeps an explicit tag and pushes a zip build${needsRegistry}`),
    async () => {
      const zip = makeZip([
        { name: "main.py", data: HANDLER_PY },
        { name: "data/config.json", data: '{"a": 1}' },
      ]);
      const accepted = await startBuild(
        api,
        { name: "bundle.zip", bytes: zip },
        { registry_url: `${registry!.url}/bnp/bundle`, tag: "v1.2.3" },
        path,
      );
      const task = await waitForTask(api, accepted.task_id);
      expect(task.status, task.error ?? "").toBe("completed");
      expect(task.result?.image_url).toBe(`${registry!.url}/bnp/bundle:v1.2.3`);
      const manifest = (await readManifest(registry!, "bnp/bundle", "v1.2.3")).body as {
        layers: { annotations: Record<string, string> }[];
      };
      expect(manifest.layers.map((l) => l.annotations["org.opencontainers.image.title"])).toEqual([
        "data/config.json",
        "main.py",
        "spin.toml",
      ]);
    },
  );
});

describeEmbeddedRules(
  "POST /api/v1/build-and-push",
  "its Builder's error for a broken build, and nothing pushed",
  () => {
    it.skipIf(NO_REGISTRY)(`fails without pushing when the build fails${needsRegistry}`, async () => {
      const accepted = await startBuild(
        api,
        { name: "bad.py", bytes: "def handler(event)\n    return 1\n" },
        { registry_url: `${registry!.url}/bnp/broken` },
        path,
      );
      const task = await waitForTask(api, accepted.task_id);
      expect(task.status).toBe("failed");
      expect(task.error).toMatch(/line 1/);
      expect((await readManifest(registry!, "bnp/broken", `task-${accepted.task_id}`)).status).toBe(404);
    });
  },
);
