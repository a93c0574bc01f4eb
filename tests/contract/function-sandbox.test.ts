/**
 * The embedded platform's function sandbox, tried the way an attacker with a developer login would:
 * every escape path fails with a Python exception in the execution log while the invocation still
 * answers, functions cannot see each other, and the backend's API demands its credential.
 * Embedded only: these are the embedded platform's own guarantees (a real cluster runs Spin).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logsResponse } from "../../lib/contract";
import { SandboxProcess } from "../../local/backend/runtime/sandbox-process";
import { expectShape } from "../support/backend-contract-expect";
import { Api, b64, describeEmbedded, EMBEDDED, startTarget, type Target } from "../support/backend-contract-target";

const CANARY = `canary-${Math.random().toString(36).slice(2)}`;
let target: Target;
let api: Api;
let wsId: string;
let dataDir: string;
let listener: Server;
let listenerPort = 0;
let connections = 0;

beforeAll(async () => {
  if (!EMBEDDED) return;
  // What an attacker is after: a secret in the data directory and in the host's environment.
  dataDir = mkdtempSync(join(tmpdir(), "eunha-sandbox-"));
  writeFileSync(join(dataDir, "nextauth-secret"), CANARY, { mode: 0o600 });
  process.env.EUNHA_SANDBOX_CANARY = CANARY;
  target = await startTarget({ dataDir });
  api = new Api(target.baseUrl);
  wsId = (await api.createWorkspace("sandbox")).id;
  // A loopback service standing in for the console and the IdP: any connection to it is a breach.
  listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
  listenerPort = (listener.address() as { port: number }).port;
}, 180_000);
afterAll(async () => {
  delete process.env.EUNHA_SANDBOX_CANARY;
  await api?.cleanup();
  await target?.close();
  listener?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const deploy = (source: string, overrides: Record<string, unknown> = {}) =>
  api.createFunction(wsId, { code: b64(source), ...overrides });
const invoke = (fnId: string, body: unknown = {}) => api.post(`/api/workspaces/${wsId}/functions/${fnId}/invoke`, body);
const lastLog = async (fnId: string) =>
  expectShape(logsResponse, (await api.get(`/api/workspaces/${wsId}/functions/${fnId}/logs`)).body).logs[0]!;

/** A handler that runs one attempt; the attempt must raise, so the handler fails with a traceback. */
const attempt = (body: string) =>
  `import os, sys\n\ndef handler(event):\n${body
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n")}\n    return {"escaped": True}\n`;

describeEmbedded("function sandbox: escape attempts", () => {
  const port = () => new URL(target.baseUrl).port;
  const cases: { name: string; code: () => string; error: RegExp }[] = [
    {
      name: "read /proc/self/environ",
      code: () => `print(open("/proc/self/environ").read())`,
      error: /FileNotFoundError/,
    },
    { name: "read /proc/1/environ", code: () => `print(open("/proc/1/environ").read())`, error: /FileNotFoundError/ },
    {
      name: "read the data directory's secrets",
      code: () => `print(open(${JSON.stringify(join(dataDir, "nextauth-secret"))}).read())`,
      error: /FileNotFoundError/,
    },
    { name: "read /etc/passwd", code: () => `print(open("/etc/passwd").read())`, error: /FileNotFoundError/ },
    {
      name: "open a socket to the backend",
      code: () => `import socket\nsocket.create_connection(("127.0.0.1", ${port()}), timeout=3)`,
      error: /OSError/,
    },
    {
      name: "open a socket to the console / IdP",
      code: () => `import socket\nsocket.create_connection(("127.0.0.1", ${listenerPort}), timeout=3)`,
      error: /OSError/,
    },
    {
      name: "HTTP to the backend's API",
      code: () =>
        `import urllib.request\nprint(urllib.request.urlopen("http://127.0.0.1:${port()}/api/workspaces", timeout=3).read())`,
      error: /URLError: <urlopen error outbound HTTP is off on this platform/,
    },
    {
      name: "subprocess",
      code: () => `import subprocess\nprint(subprocess.run(["cat", "/etc/passwd"], capture_output=True))`,
      error: /OSError/,
    },
    { name: "os.system", code: () => `os.system("env > /tmp/leak")`, error: /PermissionError/ },
    {
      name: "ctypes",
      code: () => `import ctypes\nctypes.CDLL(None).system(b"env")`,
      error: /ModuleNotFoundError: No module named 'ctypes'/,
    },
    {
      name: "import js, js.process.env",
      code: () => `import js\nprint(js.process.env)`,
      error: /ModuleNotFoundError: No module named 'js'/,
    },
    {
      name: "pyodide_js",
      code: () => `import pyodide_js\nprint(pyodide_js._module)`,
      error: /ModuleNotFoundError: No module named 'pyodide_js'/,
    },
    {
      name: "pyodide.ffi",
      code: () => `from pyodide.ffi import to_js\nprint(to_js([1]))`,
      error: /ModuleNotFoundError: No module named 'pyodide/,
    },
    {
      // Past the withheld modules: the core extension re-created by hand, then JS's Function constructor.
      name: "constructor.constructor from a JS object reached through _pyodide_core",
      code: () =>
        [
          "import _imp, importlib.machinery",
          'core = _imp.create_builtin(importlib.machinery.ModuleSpec("_pyodide_core", None, origin="built-in"))',
          "proxy = core.to_js([1]) if hasattr(core, 'to_js') else [c for c in object.__subclasses__() if c.__name__ == 'JsProxy'][0]",
          "fn = proxy.constructor.constructor(\"return process.env.EUNHA_SANDBOX_CANARY + require('fs').readFileSync('/etc/passwd', 'utf8')\")",
          "print(fn())",
        ].join("\n"),
      error: /EvalError|AttributeError|TypeError|PermissionError|ImportError/,
    },
  ];

  for (const c of cases) {
    it(`${c.name}: a Python exception in the log, and an answer`, async () => {
      const fn = await deploy(attempt(c.code()));
      const res = await invoke(fn.id);
      expect(res.status, res.text).toBe(500);
      const log = await lastLog(fn.id);
      const text = log.logs.join("\n");
      expect(text).toMatch(/Traceback/);
      expect(text).toMatch(c.error);
      expect(text + res.text).not.toContain(CANARY);
      expect(text).not.toMatch(/root:x:0:0/);
    });
  }

  it("reached nothing on loopback", () => {
    expect(connections).toBe(0);
  });

  it("sees exactly its own environment variables as os.environ", async () => {
    const fn = await deploy(`import os\ndef handler(event):\n    return dict(os.environ)\n`, {
      environmentVariables: { GREETING: "hi" },
    });
    const res = await invoke(fn.id);
    expect(res.status, res.text).toBe(200);
    expect(Object.keys(res.body as object).sort()).toEqual(["FUNCTION_ID", "GREETING", "HOME", "LANG"]);
    expect(res.body).toMatchObject({ GREETING: "hi", FUNCTION_ID: fn.id });
  });
});

describeEmbedded("function sandbox: instances", () => {
  const COUNTER = `import os\ncount = 0\ndef handler(event):\n    global count\n    count += 1\n    with open("/tmp/mine", "a") as f:\n        f.write("x")\n    return {"count": count, "files": sorted(os.listdir("/tmp")), "written": open("/tmp/mine").read()}\n`;
  const SNOOP = `import os\ndef handler(event):\n    import sys\n    return {"files": sorted(os.listdir("/tmp")), "has_count": "count" in dir(sys.modules.get("app"))}\n`;

  it("keeps a warm instance per version and gives a new version a fresh one", async () => {
    const fn = await deploy(COUNTER);
    expect((await invoke(fn.id)).body).toMatchObject({ count: 1, written: "x" });
    expect((await invoke(fn.id)).body).toMatchObject({ count: 2, written: "xx" });
    await api.patch(`/api/workspaces/${wsId}/functions/${fn.id}`, { environmentVariables: { V: "2" } });
    expect((await invoke(fn.id)).body).toMatchObject({ count: 1, written: "x" });
  });

  it("never shares globals or files between two functions", async () => {
    const a = await deploy(COUNTER);
    await invoke(a.id);
    const b = await deploy(SNOOP);
    const res = await invoke(b.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ files: [], has_count: false });
  });

  it("replaces an instance stopped at its timeout: the next call answers", async () => {
    const fn = await deploy(
      `import os\nstate = {"calls": 0}\ndef handler(event):\n    state["calls"] += 1\n    if event.get("spin"):\n        while True:\n            pass\n    return state["calls"]\n`,
      { timeout: 1 },
    );
    expect((await invoke(fn.id, {})).body).toBe(1);
    expect((await invoke(fn.id, { spin: true })).status).toBe(504);
    expect((await lastLog(fn.id)).logs.join("\n")).toMatch(/timed out after 1 s/);
    // A fresh instance: the state of the stopped one is gone.
    expect((await invoke(fn.id, {})).body).toBe(1);
  });

  it("fails an allocation past the memory setting with a clear message and discards the instance", async () => {
    const fn = await deploy(
      `blocks = []\ndef handler(event):\n    blocks.append(bytearray(event["mb"] * 1024 * 1024))\n    return len(blocks)\n`,
      { memory: 128 },
    );
    expect((await invoke(fn.id, { mb: 16 })).body).toBe(1);
    const res = await invoke(fn.id, { mb: 200 });
    expect(res.status).toBe(500);
    const text = (await lastLog(fn.id)).logs.join("\n");
    expect(text).toMatch(/MemoryError/);
    expect(text).toMatch(/memory limit of 128 MB/);
    expect((await invoke(fn.id, { mb: 16 })).body).toBe(1);
  });
});

describeEmbedded("backend credential", () => {
  it("answers 401 with the error envelope without a valid bearer token", async () => {
    for (const [path, headers] of [
      ["/api/workspaces", {}],
      ["/api/workspaces", { authorization: "Bearer not-the-token" }],
      ["/api/v1/tasks/x", { authorization: "Basic abc" }],
      ["/__admin/faults", {}],
    ] as const) {
      const res = await fetch(`${target.baseUrl}${path}`, { headers });
      expect(res.status, path).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "UNAUTHORIZED", message: expect.any(String), details: null } });
    }
    expect((await api.get("/api/workspaces")).status).toBe(200);
  });

  it("keeps /health and deployed function endpoints open, as on a cluster", async () => {
    expect((await fetch(`${target.baseUrl}/health`)).status).toBe(200);
    const fn = await deploy(`def handler(event):\n    return "open"\n`);
    const res = await fetch(`${target.baseUrl}/fn/${fn.id}`, { method: "POST", body: "{}" });
    expect(res.status).toBe(200);
  });
});

describe("sandbox process (the layer under the withheld modules)", () => {
  /** Runs a script as the sandbox process runs: same node flags, empty environment. */
  const sandboxed = (script: string) =>
    spawnSync(process.execPath, [...SandboxProcess.execArgv, "--input-type=module", "-e", script], {
      env: {} as NodeJS.ProcessEnv,
      encoding: "utf8",
      timeout: 60_000,
    });

  it("cannot read host files, start processes, compile code from strings, or see an environment", () => {
    const secret = join(mkdtempSync(join(tmpdir(), "eunha-layer-")), "secret");
    writeFileSync(secret, CANARY);
    const res = sandboxed(`
      import { readFileSync } from "node:fs";
      import { spawnSync } from "node:child_process";
      const out = {};
      const tryIt = (name, fn) => { try { out[name] = String(fn()); } catch (e) { out[name] = "denied: " + (e.code ?? e.name); } };
      tryIt("secret", () => readFileSync(${JSON.stringify(secret)}, "utf8"));
      tryIt("passwd", () => readFileSync("/etc/passwd", "utf8"));
      tryIt("spawn", () => spawnSync("id").status);
      tryIt("eval", () => (0, eval)("1 + 1"));
      tryIt("function", () => Function("return 1")());
      out.env = Object.keys(process.env).join(",");
      console.log(JSON.stringify(out));
    `);
    const out = JSON.parse(res.stdout) as Record<string, string>;
    expect(out).toEqual({
      secret: "denied: ERR_ACCESS_DENIED",
      passwd: "denied: ERR_ACCESS_DENIED",
      spawn: "denied: ERR_ACCESS_DENIED",
      eval: "denied: EvalError",
      function: "denied: EvalError",
      env: "",
    });
    rmSync(join(secret, ".."), { recursive: true, force: true });
  });
});
