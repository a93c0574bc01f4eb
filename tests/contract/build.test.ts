/**
 * POST /api/v1/build: multipart upload, 202 with a task, and a build that really happens (Python
 * compiles the source; zips are extracted safely). Refusals happen at the door (400/413) or in the
 * task (failed, with the reason), as the spec's builder reports them.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workspaceTaskList } from "../../lib/contract";
import {
  HANDLER_PY,
  makeZip,
  postForm,
  SPIN_PY,
  startBuild,
  succeeded,
  waitForTask,
} from "../support/backend-contract-build";
import { expectError, expectShape, expectValidationError } from "../support/backend-contract-expect";
import {
  Api,
  authHeaders,
  describeEmbedded,
  EMBEDDED,
  startTarget,
  type Target,
} from "../support/backend-contract-target";
import { describeEmbeddedRules, specRule } from "../support/backend-contract-split";

const dataDir = mkdtempSync(join(tmpdir(), "eunha-build-"));
let target: Target;
let api: Api;
const ws = `ws-build-${Date.now().toString(36)}`;

beforeAll(async () => {
  target = await startTarget({ dataDir });
  api = new Api(target.baseUrl);
});
afterAll(async () => {
  await target?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const build = (name: string, bytes: Buffer | string, fields: Record<string, string> = {}) =>
  startBuild(api, { name, bytes }, { workspace_id: ws, ...fields });
const buildAndWait = async (name: string, bytes: Buffer | string, fields: Record<string, string> = {}) =>
  waitForTask(api, (await build(name, bytes, fields)).task_id);

describe("spec: POST /api/v1/build", () => {
  it(
    specRule(
      "Returns `BuildResponse` with 202 Accepted.",
      "accepts a .py with 202, a task id and the stored source path, and builds it to completed",
    ),
    async () => {
      const accepted = await build("hello.py", HANDLER_PY, { app_name: "hello-build" });
      expect(["pending", "running"]).toContain(accepted.status);
      expect(accepted.source_s3_path).toMatch(/^s3:\/\/.+hello\.py$/);
      const task = await waitForTask(api, accepted.task_id);
      expect(task.status, task.error ?? "").toBe("completed");
      expect(task.error).toBeNull();
      expect(task.result?.wasm_path || task.result?.file_path).toBeTruthy();

      const history = expectShape(workspaceTaskList, (await api.get(`/api/v1/workspaces/${ws}/tasks`)).body);
      expect(history.find((t) => t.task_id === accepted.task_id)).toMatchObject({
        status: "completed",
        app_name: "hello-build",
      });
    },
  );

  it(
    specRule(
      "`app_name` (optional; a task-based name is generated when absent), `workspace_id` (optional, default `ws-default`)",
      "names the app after the task when app_name is absent, and files it under ws-default",
    ),
    async () => {
      const accepted = await startBuild(api, { name: "main.py", bytes: SPIN_PY });
      expect(succeeded(await waitForTask(api, accepted.task_id))).toBe(true);
      const history = expectShape(workspaceTaskList, (await api.get("/api/v1/workspaces/ws-default/tasks")).body);
      const item = history.find((t) => t.task_id === accepted.task_id);
      expect(item?.app_name).toBeTruthy();
    },
  );

  it(
    specRule("`file` (required, `.py` or `.zip`)", "refuses uploads that are not a .py or .zip, or missing (400)"),
    async () => {
      expectValidationError(await postForm(api, "/api/v1/build", { name: "notes.txt", bytes: "hello" }), "file");
      expectValidationError(await postForm(api, "/api/v1/build", null, { app_name: "x" }), "file");
      expectValidationError(await api.post("/api/v1/build", { file: "app.py" }), "file");
    },
  );
});

describeEmbeddedRules(
  "POST /api/v1/build",
  "how its Builder reports Python errors, zip layout and safety checks, content sniffing, app_name syntax and speed",
  () => {
    it("builds to completed within 10 s", async () => {
      const started = Date.now();
      const task = await buildAndWait("quick.py", HANDLER_PY);
      expect(task.status, task.error ?? "").toBe("completed");
      expect(Date.now() - started).toBeLessThan(10_000);
    });

    it("refuses uploads that are not what their name says, and a bad app_name (400)", async () => {
      expectValidationError(
        await postForm(api, "/api/v1/build", { name: "fake.zip", bytes: "def handler(e): pass\n" }),
        "file",
      );
      expectValidationError(
        await postForm(api, "/api/v1/build", { name: "binary.py", bytes: Buffer.from([0xff, 0xfe, 0x00, 0x41]) }),
        "file",
      );
      expectValidationError(
        await postForm(api, "/api/v1/build", { name: "ok.py", bytes: HANDLER_PY }, { app_name: "Not_A_Name" }),
        "app_name",
      );
    });

    it("fails a .py with a syntax error, with Python's message and line number", async () => {
      const task = await buildAndWait("broken.py", `def handler(event):\n    total = 1\n    return {"total" total}\n`);
      expect(task.status).toBe("failed");
      expect(task.error).toMatch(/SyntaxError/);
      expect(task.error).toMatch(/line 3\b/);
      expect(task.error).toContain("broken.py");
      expect(task.result).toBeNull();
    });

    it("fails a .py that defines no handler", async () => {
      const task = await buildAndWait("nothing.py", "x = 1\n");
      expect(task.status).toBe("failed");
      expect(task.error).toMatch(/handler/i);
    });

    it("builds a zip whose app sits in one folder and imports a sibling module", async () => {
      const zip = makeZip([
        {
          name: "myapp/main.py",
          data: "from helpers import greet\n\ndef handler(event):\n    return {'greeting': greet('은하')}\n",
        },
        { name: "myapp/helpers.py", data: "def greet(name):\n    return '안녕 ' + name\n" },
      ]);
      const task = await buildAndWait("app.zip", zip);
      expect(task.status, task.error ?? "").toBe("completed");
    });

    it("refuses a zip entry that climbs out with ../ and writes nothing outside", async () => {
      const task = await buildAndWait(
        "evil.zip",
        makeZip([
          { name: "app.py", data: HANDLER_PY },
          { name: "../evil", data: "pwned" },
        ]),
      );
      expect(task.status).toBe("failed");
      expect(task.error).toMatch(/\.\.\/evil/);
      expect(task.error).toMatch(/escapes|traversal/);
      if (EMBEDDED) expect(existsSync(join(dataDir, "objects", "builds", task.task_id, "evil"))).toBe(false);
    });

    it("refuses absolute paths and symlink entries", async () => {
      const absolute = await buildAndWait(
        "abs.zip",
        makeZip([
          { name: "app.py", data: HANDLER_PY },
          { name: "/etc/evil", data: "x" },
        ]),
      );
      expect(absolute.status).toBe("failed");
      expect(absolute.error).toMatch(/absolute/);
      const link = await buildAndWait(
        "link.zip",
        makeZip([
          { name: "app.py", data: HANDLER_PY },
          { name: "passwd", symlinkTo: "/etc/passwd" },
        ]),
      );
      expect(link.status).toBe("failed");
      expect(link.error).toMatch(/link/i);
    });

    it("refuses a zip without a handler module, and one whose module does not compile", async () => {
      const none = await buildAndWait(
        "lib.zip",
        makeZip([
          { name: "README.md", data: "no code" },
          { name: "pkg/util.py", data: "x = 1\n" },
        ]),
      );
      expect(none.status).toBe("failed");
      expect(none.error).toMatch(/handler/i);
      const broken = await buildAndWait(
        "broken.zip",
        makeZip([
          { name: "app.py", data: HANDLER_PY },
          { name: "util.py", data: "def f(:\n" },
        ]),
      );
      expect(broken.status).toBe("failed");
      expect(broken.error).toMatch(/util\.py.*line 1/);
    });
  },
);

describeEmbedded("build limits and the package (embedded)", () => {
  let small: Target;
  let smallApi: Api;
  beforeAll(async () => {
    small = await startTarget({ pipeline: { maxUploadBytes: 4096, buildMaxFiles: 5, buildMaxBytes: 1024 * 1024 } });
    smallApi = new Api(small.baseUrl);
  });
  afterAll(async () => small?.close());

  it("fails zip bombs: too many entries, or more bytes than allowed once expanded", async () => {
    const many = makeZip([
      { name: "app.py", data: HANDLER_PY },
      ...Array.from({ length: 9 }, (_, i) => ({ name: `f${i}.txt`, data: "x" })),
    ]);
    const tooMany = await waitForTask(
      smallApi,
      (await startBuild(smallApi, { name: "many.zip", bytes: many })).task_id,
    );
    expect(tooMany.error).toMatch(/10 entries; at most 5/);
    const bomb = makeZip([
      { name: "app.py", data: HANDLER_PY },
      { name: "zeros.bin", size: 3 * 1024 * 1024 },
    ]);
    expect(bomb.length).toBeLessThan(4096); // tiny on the wire, 3 MiB once expanded
    const expanded = await waitForTask(
      smallApi,
      (await startBuild(smallApi, { name: "bomb.zip", bytes: bomb })).task_id,
    );
    expect(expanded.status).toBe("failed");
    expect(expanded.error).toMatch(/zip bomb/);
  });

  it("answers 413 past the upload limit: by counting, and by Content-Length before reading", async () => {
    const res = await postForm(smallApi, "/api/v1/build", {
      name: "big.py",
      bytes: `# ${"x".repeat(8000)}\n${HANDLER_PY}`,
    });
    expectError(res, 413, "PAYLOAD_TOO_LARGE");
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        `${small.baseUrl}/api/v1/build`,
        {
          method: "POST",
          headers: authHeaders(small.baseUrl, {
            "content-type": "multipart/form-data; boundary=x",
            "content-length": String(60 * 1024 * 1024),
          }),
        },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on("error", reject);
      req.write("--x\r\n"); // a fraction of what was announced; the answer must not wait for the rest
    });
    expect(status).toBe(413);
  });

  it("stores a Spin package: spin.toml (valid TOML) with component, build command and outbound hosts, plus the source", async () => {
    const task = await waitForTask(api, (await build("hello.py", HANDLER_PY, { app_name: "pkg-check" })).task_id);
    const appDir = join(dataDir, "objects", "builds", task.task_id, "app");
    expect(readdirSync(appDir).sort()).toEqual(["app.py", "spin.toml"]);
    expect(readFileSync(join(appDir, "app.py"), "utf8")).toBe(HANDLER_PY);
    const { spawnSync } = await import("node:child_process");
    const parsed = spawnSync(
      "python3",
      [
        "-c",
        "import json,sys,tomllib; print(json.dumps(tomllib.load(open(sys.argv[1],'rb'))))",
        join(appDir, "spin.toml"),
      ],
      { encoding: "utf8" },
    );
    expect(parsed.status, parsed.stderr).toBe(0);
    const toml = JSON.parse(parsed.stdout) as {
      spin_manifest_version: number;
      component: Record<string, { source: string; allowed_outbound_hosts: string[]; build: { command: string } }>;
    };
    expect(toml.spin_manifest_version).toBe(2);
    const component = toml.component["pkg-check"]!;
    expect(component.allowed_outbound_hosts).toEqual(["https://*:*"]);
    expect(component.build.command).toMatch(/^componentize-py .* componentize app -o app\.wasm$/);
    expect(task.result?.file_path).toContain(`builds/${task.task_id}/app`);
  });
});
