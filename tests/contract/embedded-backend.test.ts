/**
 * The embedded backend as a program: its CLI (`npm run backend [-- --reset]`), the Demo seed, data
 * that survives a restart, and writes that leave nothing half-done. Embedded only.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { functionList, logsResponse, lokiLogsResponse, workspaceList } from "../../lib/contract";
import { expectError, expectShape } from "../support/backend-contract-expect";
import { Api, describeEmbedded, registerToken, startTarget } from "../support/backend-contract-target";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "eunha-cli-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Starts `tsx local/backend/main.ts` and resolves with its URL once it prints the ready line (the sandbox boots first). */
function startCli(
  dataDir: string,
  args: string[] = [],
): Promise<{ url: string; child: ChildProcess; exited: Promise<number | null> }> {
  // Node itself with tsx as a loader, not the tsx CLI: the CLI relays SIGTERM and SIGKILLs its child
  // (exit 143) when the child has not answered within 30 ms, which a busy machine often misses.
  const child = spawn(process.execPath, ["--import", "tsx", "local/backend/main.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", PLATFORM_DATA_DIR: dataDir, BACKEND_TOKEN: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no ready line within 120 s:\n${out}`)), 120_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /embedded backend listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        // No BACKEND_TOKEN: the backend generated its credential into the data directory.
        registerToken(match[1]!, readFileSync(join(dataDir, "backend-token"), "utf8").trim());
        resolve({ url: match[1]!, child, exited });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then((code) => reject(new Error(`backend exited (${code}) before it was ready:\n${out}`)));
  });
}

async function stopCli(cli: { child: ChildProcess; exited: Promise<number | null> }): Promise<number | null> {
  cli.child.kill("SIGTERM");
  return cli.exited;
}

async function demoOf(api: Api) {
  const workspaces = expectShape(workspaceList, (await api.get("/api/workspaces")).body);
  const demo = workspaces.find((w) => w.name === "Demo");
  const functions = demo ? expectShape(functionList, (await api.get(`/api/workspaces/${demo.id}/functions`)).body) : [];
  return { workspaces, demo, functions };
}

describeEmbedded("embedded backend program", () => {
  it("starts empty with :memory: unless seed is asked for", async () => {
    const empty = await startTarget();
    try {
      expect((await new Api(empty.baseUrl).get("/api/workspaces")).body).toEqual([]);
    } finally {
      await empty.close();
    }
  });

  it("seeds a live Demo workspace: three working functions with real history", async () => {
    const seeded = await startTarget({ seed: true });
    try {
      const api = new Api(seeded.baseUrl);
      const { demo, functions } = await demoOf(api);
      expect(demo).toBeDefined();
      expect(demo!.functionCount).toBe(3);
      expect(demo!.invocations24h).toBeGreaterThanOrEqual(3);
      expect(demo!.errorRate).toBeGreaterThan(0);
      const sources = functions.map((f) => Buffer.from(f.code, "base64").toString("utf8"));
      expect(sources.some((s) => /[가-힣]/.test(s))).toBe(true);
      expect(sources.some((s) => s.includes("class IncomingHandler(http.IncomingHandler)"))).toBe(true);

      for (const fn of functions) {
        expect(fn.invocations24h).toBeGreaterThan(0);
        const logs = expectShape(
          logsResponse,
          (await api.get(`/api/workspaces/${demo!.id}/functions/${fn.id}/logs`)).body,
        );
        expect(logs.total).toBe(fn.invocations24h);
        const res = await api.post(`/api/workspaces/${demo!.id}/functions/${fn.id}/invoke`, {
          name: "테스트",
          items: [{ sku: "A", quantity: 1, price: 2 }],
        });
        expect(res.status, `${fn.name}: ${res.text}`).toBe(200);
      }
      const korean = functions.find((f) => f.name === "hello-korean")!;
      const lines = expectShape(lokiLogsResponse, (await api.get(`/api/functions/${korean.id}/loki-logs`)).body);
      expect(lines.logs.some((l) => l.line.includes("테스트"))).toBe(true);
    } finally {
      await seeded.close();
    }
  });

  it("runs as a CLI: --reset seeds, data survives a restart, SIGTERM exits 0", { timeout: 300_000 }, async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "stale-file"), "wiped by --reset");

    const first = await startCli(dataDir, ["--reset"]);
    // The credential it generated is private to its user (0600) and demanded on /api.
    expect(statSync(join(dataDir, "backend-token")).mode & 0o777).toBe(0o600);
    expect((await fetch(`${first.url}/api/workspaces`)).status).toBe(401);
    const firstDemo = await demoOf(new Api(first.url));
    expect(firstDemo.functions).toHaveLength(3);
    const api = new Api(first.url);
    const extra = await api.createWorkspace("kept across restarts");
    expect(await stopCli(first)).toBe(0);

    const second = await startCli(dataDir);
    const again = await demoOf(new Api(second.url));
    expect(again.demo!.id).toBe(firstDemo.demo!.id);
    expect(again.workspaces.map((w) => w.id)).toContain(extra.id);
    expect(again.demo!.invocations24h).toBe(firstDemo.demo!.invocations24h); // not seeded twice
    expect(await stopCli(second)).toBe(0);

    const third = await startCli(dataDir, ["--reset"]);
    const fresh = await demoOf(new Api(third.url));
    expect(fresh.workspaces).toHaveLength(1);
    expect(fresh.demo!.id).not.toBe(firstDemo.demo!.id);
    expect(await stopCli(third)).toBe(0);
  });

  it("leaves nothing behind when a create fails half-way", async () => {
    const dataDir = tempDir();
    const backend = await startTarget({ dataDir });
    try {
      const api = new Api(backend.baseUrl);
      const ws = await api.createWorkspace("half-written");
      // The object store cannot write: its functions/ directory is a file now.
      rmSync(join(dataDir, "objects", "functions"), { recursive: true, force: true });
      writeFileSync(join(dataDir, "objects", "functions"), "in the way");
      const res = await api.post(`/api/workspaces/${ws.id}/functions`, { name: "x", httpMethods: ["POST"], code: "" });
      expectError(res, 500, "CREATE_ERROR");
      expect((await api.get(`/api/workspaces/${ws.id}/functions`)).body).toEqual([]);
      expect((await api.get(`/api/workspaces/${ws.id}`)).body).toMatchObject({ functionCount: 0 });
    } finally {
      await backend.close();
    }
  });
});
