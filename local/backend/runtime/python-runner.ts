import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import type { Readable, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { LineCollector } from "./line-collector";
import type { RunResult } from "./run-result";

const RUNNER_PY = fileURLToPath(new URL("../python/runner.py", import.meta.url));
/** Margin past the function's timeout before the host kills the runner itself (it should never need to). */
const BACKSTOP_MS = 5_000;

export type RunRequest = {
  python: string;
  functionId: string;
  runId: string;
  sourcePath: string;
  /** A folder the handler may import sibling modules from (a built package); none for a function's single file. */
  moduleDir?: string;
  memoryMb: number;
  timeoutS: number;
  env: Record<string, string>;
  method: string;
  uri: string;
  headers: Record<string, string>;
  body: Buffer;
};

type RunnerResult = {
  outcome: RunResult["outcome"];
  response: { status: number; headers: Record<string, string>; body_b64: string | null } | null;
  cpu_seconds: number;
  max_rss_kb: number;
  exit: { code: number | null; signal: number | null };
};

/**
 * The old runtime, kept only as the reference of `bench/invoke.ts` (functions never run this way):
 * spawns python/runner.py once per invocation. The function's environment is exactly its own
 * variables plus a minimal base: the backend's environment (and secrets) never reach user code.
 */
export class PythonRunner {
  private readonly active = new Set<ChildProcess>();
  private running = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly maxConcurrent = 8) {}

  async run(req: RunRequest): Promise<RunResult> {
    await this.acquire();
    try {
      return await this.spawnOnce(req);
    } finally {
      this.release();
    }
  }

  /** Kills every running function (shutdown). */
  killAll(): void {
    for (const child of this.active) killGroup(child);
  }

  private spawnOnce(req: RunRequest): Promise<RunResult> {
    const startedAt = Date.now();
    const collector = new LineCollector();
    // A cast, not an annotation: Next's types make NODE_ENV a required key of ProcessEnv.
    const env = {
      PATH: "/usr/local/bin:/usr/bin:/bin",
      LANG: "C.UTF-8",
      HOME: tmpdir(),
      FUNCTION_ID: req.functionId,
      ...req.env,
    } as unknown as NodeJS.ProcessEnv;
    // Its own process group, so the host can kill whatever the function forked as well.
    const child = spawn(req.python, ["-I", "-u", RUNNER_PY], {
      detached: true,
      env,
      cwd: tmpdir(),
      stdio: ["pipe", "pipe", "pipe", "pipe"],
    });
    this.active.add(child);

    const resultChunks: Buffer[] = [];
    child.stdout?.on("data", (c: Buffer) => collector.push("stdout", c));
    child.stderr?.on("data", (c: Buffer) => collector.push("stderr", c));
    (child.stdio[3] as Readable | null)?.on("data", (c: Buffer) => resultChunks.push(c));
    (child.stdin as Writable | null)?.on("error", () => undefined); // the runner may die before reading
    child.stdin?.end(
      JSON.stringify({
        source_path: req.sourcePath,
        module_dir: req.moduleDir ?? null,
        function_id: req.functionId,
        run_id: req.runId,
        memory_mb: req.memoryMb,
        timeout_s: req.timeoutS,
        method: req.method,
        uri: req.uri,
        headers: req.headers,
        body_b64: req.body.toString("base64"),
      }),
    );

    let backstopFired = false;
    const backstop = setTimeout(
      () => {
        backstopFired = true;
        killGroup(child);
      },
      req.timeoutS * 1000 + BACKSTOP_MS,
    );

    return new Promise<RunResult>((resolve) => {
      let settled = false;
      const finish = (note?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(backstop);
        this.active.delete(child);
        if (note) collector.note(note);
        resolve(toRunResult(parseResult(Buffer.concat(resultChunks)), collector, req, startedAt, backstopFired));
      };
      // Sweep the group as soon as the runner exits: a background process the function started
      // would otherwise hold the pipes open and delay "close" indefinitely.
      child.on("exit", () => killGroup(child));
      child.on("close", () => finish());
      child.on("error", (err) => {
        if (child.pid === undefined) finish(`could not start Python (${req.python}): ${err.message}`);
      });
    });
  }

  private acquire(): Promise<void> {
    if (this.running < this.maxConcurrent) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(() => resolve()));
  }

  private release(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.running--;
  }
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, "SIGKILL");
  } catch {
    // already gone
  }
}

function parseResult(raw: Buffer): RunnerResult | null {
  if (raw.length === 0) return null;
  try {
    return JSON.parse(raw.toString("utf8")) as RunnerResult;
  } catch {
    return null;
  }
}

function toRunResult(
  parsed: RunnerResult | null,
  collector: LineCollector,
  req: RunRequest,
  startedAt: number,
  backstopFired: boolean,
): RunResult {
  const base = {
    startedAt,
    endedAt: Date.now(),
    cpuSeconds: parsed?.cpu_seconds ?? 0,
    maxRssKb: parsed?.max_rss_kb ?? null,
    exit: parsed?.exit ?? null,
  };
  if (parsed?.outcome === "ok" && parsed.response) {
    const r = parsed.response;
    return {
      ...base,
      outcome: "ok",
      status: r.status,
      headers: r.headers,
      body: r.body_b64 === null ? null : Buffer.from(r.body_b64, "base64"),
      lines: collector.finish(),
    };
  }
  if (parsed?.outcome === "timeout" || backstopFired) {
    collector.note(`timed out after ${req.timeoutS} s: the process was killed`);
    return { ...base, outcome: "timeout", status: 504, headers: {}, body: null, lines: collector.finish() };
  }
  const how = parsed?.exit?.signal
    ? `killed by signal ${parsed.exit.signal}`
    : parsed?.exit
      ? `exited with code ${parsed.exit.code}`
      : "the runner failed";
  collector.note(`the function's process ended without a response (${how})`);
  return { ...base, outcome: "crash", status: 500, headers: {}, body: null, lines: collector.finish() };
}
