/**
 * Function invocation through the embedded backend's API: warm (the same version again) and cold
 * (a new version: a fresh sandbox instance imports the module), side by side with the old runtime,
 * one host Python process per call (python-runner.ts, kept only as this reference; skipped, saying
 * why, when the machine has no Python). Targets: warm p50 ≤ 15 ms, cold p50 ≤ 2 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pythonLocator } from "../local/backend/runtime/python-locator";
import { PythonRunner } from "../local/backend/runtime/python-runner";
import { startBackend } from "../local/backend/server";

export type InvokeRow = {
  runtime: string;
  call: "warm" | "cold";
  p50Ms: number | null;
  p95Ms: number | null;
  n: number;
  note?: string;
};

const SOURCE = `import json\n\ndef handler(event):\n    return {"hello": event.get("name", "world"), "n": len(json.dumps(event))}\n`;
const round = (n: number) => Math.round(n * 10) / 10;
const pct = (samples: number[], q: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!);
};
const row = (runtime: string, call: "warm" | "cold", samples: number[]): InvokeRow => ({
  runtime,
  call,
  p50Ms: pct(samples, 0.5),
  p95Ms: pct(samples, 0.95),
  n: samples.length,
});

async function timed(fn: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`invoke answered ${res.status}`);
  return performance.now() - started;
}

export async function measureInvoke(warmCalls = 200, coldCalls = 15): Promise<InvokeRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), "eunha-bench-invoke-"));
  const backend = await startBackend({ port: 0, dbPath: ":memory:", dataDir, seed: false });
  const rows: InvokeRow[] = [];
  try {
    await backend.sandboxReady;
    const headers = { authorization: `Bearer ${backend.token}`, "content-type": "application/json" };
    const call = (path: string, method: string, body: unknown) =>
      fetch(`${backend.url}${path}`, { method, headers, body: JSON.stringify(body) });
    const ws = (await (await call("/api/workspaces", "POST", { name: "bench-invoke" })).json()) as { id: string };
    const fn = (await (
      await call(`/api/workspaces/${ws.id}/functions`, "POST", {
        name: "bench",
        runtime: "Python 3.12",
        memory: 128,
        timeout: 10,
        httpMethods: ["POST"],
        environmentVariables: {},
        code: Buffer.from(SOURCE).toString("base64"),
      })
    ).json()) as { id: string };
    const invoke = () => call(`/api/workspaces/${ws.id}/functions/${fn.id}/invoke`, "POST", { name: "bench" });

    await timed(invoke); // the first call binds an instance
    const warm: number[] = [];
    for (let i = 0; i < warmCalls; i++) warm.push(await timed(invoke));
    rows.push(row("WebAssembly sandbox (API)", "warm", warm));

    const cold: number[] = [];
    for (let i = 0; i < coldCalls; i++) {
      // A new version: its environment changed, so no warm instance exists for it.
      await call(`/api/workspaces/${ws.id}/functions/${fn.id}`, "PATCH", {
        environmentVariables: { VERSION: String(i) },
      });
      cold.push(await timed(invoke));
    }
    rows.push(row("WebAssembly sandbox (API)", "cold", cold));
  } finally {
    await backend.close();
  }

  const python = await pythonLocator()();
  if (!python) {
    rows.push({
      runtime: "host Python process per call (old)",
      call: "cold",
      p50Ms: null,
      p95Ms: null,
      n: 0,
      note: "skipped: no Python 3 on this machine",
    });
  } else {
    const runner = new PythonRunner(1);
    const sourcePath = join(dataDir, "app.py");
    writeFileSync(sourcePath, SOURCE);
    const samples: number[] = [];
    for (let i = 0; i < coldCalls * 2; i++) {
      const started = performance.now();
      const res = await runner.run({
        python,
        functionId: "bench",
        runId: `run-${i}`,
        sourcePath,
        memoryMb: 128,
        timeoutS: 10,
        env: {},
        method: "POST",
        uri: "/",
        headers: {},
        body: Buffer.from('{"name":"bench"}'),
      });
      if (res.status !== 200) throw new Error(`the subprocess runner answered ${res.status}`);
      samples.push(performance.now() - started);
    }
    // Every call is a fresh process: warm and cold are the same thing for it.
    rows.push({ ...row("host Python process per call (old, runner only)", "cold", samples), note: python });
  }
  rmSync(dataDir, { recursive: true, force: true });
  return rows;
}

// `npx tsx bench/invoke.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await measureInvoke();
  console.table(rows);
}
