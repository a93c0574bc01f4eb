import { createHash } from "node:crypto";
import { InstancePool, type Answer, type Instance } from "./instance-pool";
import { LineCollector } from "./line-collector";
import type { OutboundRule } from "./outbound-http";
import type { RunResult } from "./run-result";
import { SandboxProcess } from "./sandbox-process";

/** One function version: what an instance is bound to. Files are relative paths → contents. */
export type FunctionBundle = {
  functionId: string;
  files: Record<string, Buffer>;
  entry: string;
  env: Record<string, string>;
  memoryMb: number;
  timeoutS: number;
};
export type WasmRunRequest = {
  bundle: FunctionBundle;
  runId: string;
  method: string;
  uri: string;
  headers: Record<string, string>;
  body: Buffer;
};
export type BuildRequest = { kind: "py" | "zip"; name: string; upload: Buffer; maxFiles: number; maxBytes: number };
export type BuildAnswer =
  | { ok: true; handler: string; module: string; shape: "spin" | "plain"; bytes: number; files: Record<string, Buffer> }
  | { ok: false; error: string };

export type WasmRunnerOptions = {
  maxInstances: number;
  spareInstances: number;
  /** Destinations functions may send HTTP to (PLATFORM_FUNCTION_FETCH_ALLOW); none when absent. */
  outbound?: readonly OutboundRule[];
};

/** The build step's own limits: it runs in an instance of its own, discarded afterwards. */
const BUILD_MEMORY_MB = 1024;
const BUILD_TIMEOUT_MS = 120_000;
/** The pool key of the instance that runs build_tools.py (never user code). */
const BUILD_TOOLS_KEY = "build-tools";

/** Identifies a version: the same code, environment and memory run in the same warm instances. */
export function versionKey(b: FunctionBundle): string {
  const h = createHash("sha256")
    .update(b.functionId)
    .update("\0")
    .update(b.entry)
    .update("\0")
    .update(String(b.memoryMb));
  for (const path of Object.keys(b.files).sort()) h.update("\0").update(path).update("\0").update(b.files[path]!);
  for (const name of Object.keys(b.env).sort()) h.update("\0").update(name).update("=").update(b.env[name]!);
  return h.digest("hex");
}

const b64 = (files: Record<string, Buffer>) =>
  Object.fromEntries(Object.entries(files).map(([k, v]) => [k, v.toString("base64")]));

/**
 * Runs functions as WebAssembly (CPython on Pyodide) in sandbox instances, never as host processes.
 * A cold call binds a fresh instance to the version (imports its module); a warm call reuses it.
 */
export class WasmRunner {
  private readonly proc: SandboxProcess;
  private readonly pool: InstancePool;

  constructor(opts: WasmRunnerOptions) {
    this.proc = new SandboxProcess(opts.outbound);
    this.pool = new InstancePool(this.proc, opts.maxInstances, opts.spareInstances);
  }

  /** Boots the sandbox and its spare instances, so the first cold call does not wait for Pyodide. */
  ready(): Promise<void> {
    return this.pool.ready();
  }

  async run(req: WasmRunRequest): Promise<RunResult> {
    const startedAt = Date.now();
    const collector = new LineCollector();
    const out = (stream: "stdout" | "stderr", text: string) => collector.push(stream, Buffer.from(`${text}\n`));
    const { bundle } = req;
    const key = versionKey(bundle);
    const timeoutMs = bundle.timeoutS * 1000;
    const result = (outcome: RunResult["outcome"], status: number, extra: Partial<RunResult> = {}): RunResult => ({
      outcome,
      status,
      headers: {},
      body: null,
      lines: collector.finish(),
      cpuSeconds: 0,
      maxRssKb: null,
      startedAt,
      endedAt: Date.now(),
      exit: null,
      ...extra,
    });

    let acquired: { inst: Instance; warm: boolean };
    try {
      acquired = await this.pool.acquire(key);
    } catch (err) {
      collector.note(err instanceof Error ? err.message : String(err));
      return result("crash", 500);
    }
    const { inst } = acquired;
    const callStarted = performance.now();
    if (!acquired.warm) {
      const bound = await this.pool.request(
        inst,
        { op: "bind", memoryMb: bundle.memoryMb, timeoutMs, bundle: { ...bundle, files: b64(bundle.files) } },
        "bound",
        out,
      );
      const failure = this.failure(bound, bundle, collector);
      if (failure || !(bound.kind === "answer" && bound.msg.ok)) {
        this.pool.discard(inst);
        if (!failure) collector.note(`the module ${bundle.entry} could not be imported (see the traceback above)`);
        return result(failure ?? "crash", failure === "timeout" ? 504 : 500);
      }
    }
    const request = {
      runId: req.runId,
      method: req.method,
      uri: req.uri,
      headers: req.headers,
      bodyB64: req.body.toString("base64"),
    };
    const answer = await this.pool.request(inst, { op: "call", callId: req.runId, timeoutMs, request }, "result", out);
    const cpuSeconds = (performance.now() - callStarted) / 1000;
    const failure = this.failure(answer, bundle, collector);
    if (failure || answer.kind !== "answer") {
      this.pool.discard(inst);
      return result(failure ?? "crash", failure === "timeout" ? 504 : 500, { cpuSeconds });
    }
    const m = answer.msg as unknown as {
      status: number;
      headers: Record<string, string>;
      body_b64: string | null;
      failed?: boolean;
      heapMb: number;
    };
    // A handler that raised leaves the instance as it was: Spin and Lambda keep it warm too.
    this.pool.release(inst, key);
    return result("ok", m.status, {
      headers: m.headers,
      body: m.body_b64 === null ? null : Buffer.from(m.body_b64, "base64"),
      cpuSeconds,
      maxRssKb: m.heapMb * 1024,
    });
  }

  /**
   * Extracts and compiles an upload with build_tools.py in the build instance (kept warm: it only
   * parses the upload, it never runs its code), then imports the handler module in a fresh
   * instance, exactly as a cold start would, and discards that one.
   */
  async build(req: BuildRequest, check: { memoryMb: number; timeoutS: number }): Promise<BuildAnswer> {
    const lines: string[] = [];
    const collect = (_stream: string, text: string) => lines.push(text);
    const tools = (await this.pool.acquire(BUILD_TOOLS_KEY)).inst;
    const request = {
      kind: req.kind,
      name: req.name,
      maxFiles: req.maxFiles,
      maxBytes: req.maxBytes,
      uploadB64: req.upload.toString("base64"),
    };
    const answer = await this.pool.request(
      tools,
      { op: "build", memoryMb: BUILD_MEMORY_MB, timeoutMs: BUILD_TIMEOUT_MS, request },
      "built",
      collect,
    );
    if (answer.kind !== "answer" || answer.msg.memoryExceeded) this.pool.discard(tools);
    else this.pool.release(tools, BUILD_TOOLS_KEY);
    if (answer.kind === "timeout")
      return { ok: false, error: `the build step did not finish within ${BUILD_TIMEOUT_MS / 1000} s` };
    if (answer.kind === "exit") return { ok: false, error: `the build step failed: ${answer.reason}` };
    const m = answer.msg as unknown as {
      ok: boolean;
      error?: string;
      handler: string;
      module: string;
      shape: "spin" | "plain";
      bytes: number;
      files_content: Record<string, string>;
      memoryExceeded: boolean;
    };
    if (m.memoryExceeded) return { ok: false, error: `the build step ran out of memory (${BUILD_MEMORY_MB} MB)` };
    if (!m.ok) return { ok: false, error: m.error ?? lines.slice(-1)[0] ?? "the build step failed" };

    const { inst } = await this.pool.acquire(`check:${Math.random()}`);
    try {
      lines.length = 0;
      const bundle = {
        functionId: `build:${req.name}`,
        files: m.files_content,
        entry: m.handler,
        env: {},
        memoryMb: check.memoryMb,
        timeoutS: check.timeoutS,
      };
      const bound = await this.pool.request(
        inst,
        { op: "bind", memoryMb: check.memoryMb, timeoutMs: check.timeoutS * 1000, bundle },
        "bound",
        collect,
      );
      const where = `${m.handler} cannot be imported in the function runtime (Python 3.14 on WebAssembly)`;
      if (bound.kind === "timeout")
        return { ok: false, error: `${where}: importing it did not finish within ${check.timeoutS} s` };
      if (bound.kind === "exit") return { ok: false, error: `${where}: ${bound.reason}` };
      if (bound.msg.memoryExceeded)
        return { ok: false, error: `${where}: importing it needs more than ${check.memoryMb} MB` };
      if (!bound.msg.ok) return { ok: false, error: `${where}:\n${lines.slice(-12).join("\n").trim()}` };
      const files = Object.fromEntries(Object.entries(m.files_content).map(([k, v]) => [k, Buffer.from(v, "base64")]));
      return { ok: true, handler: m.handler, module: m.module, shape: m.shape, bytes: m.bytes, files };
    } finally {
      this.pool.discard(inst);
    }
  }

  /** Instances alive now. */
  get instances(): number {
    return this.pool.size;
  }

  /** The sandbox process's pid (tests check what it can reach). */
  get sandboxPid(): number | undefined {
    return this.proc.pid;
  }

  close(): void {
    this.pool.clear();
    this.proc.stop();
  }

  private failure(answer: Answer, bundle: FunctionBundle, collector: LineCollector): RunResult["outcome"] | null {
    if (answer.kind === "timeout") {
      collector.note(`timed out after ${bundle.timeoutS} s: the instance was stopped and will be replaced`);
      return "timeout";
    }
    if (answer.kind === "exit") {
      collector.note(`the instance ended without a response (${answer.reason})`);
      return "crash";
    }
    if (answer.msg.memoryExceeded) {
      collector.note(
        `the function exceeded its memory limit of ${bundle.memoryMb} MB (MemoryError); the instance was discarded`,
      );
      return "memory";
    }
    return null;
  }
}
