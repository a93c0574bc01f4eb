import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { WasmRunner } from "../runtime/wasm-runner";
import { TaskError } from "../tasks/task-error";
import type { SourceKind } from "./upload-check";

/** The import check runs the handler module as a cold start would, with these limits. */
const CHECK_MEMORY_MB = 256;
const CHECK_TIMEOUT_S = 30;

export type BuildLimits = { maxFiles: number; maxBytes: number };
export type PreparedSource = { handler: string; module: string; shape: "spin" | "plain"; files: number; bytes: number };

/**
 * Fills `out` with the application's files (a .py as app.py, a zip extracted safely) and checks
 * that they run: python/build_tools.py extracts and compiles them inside a sandbox instance, then
 * the handler module is imported there, exactly as a cold start imports it. So the
 * error a user sees is the sandboxed interpreter's own (message and line), and a build that passes
 * runs: a missing module or a C extension WebAssembly cannot load fails here, not at the first call.
 */
export async function prepareSource(
  runner: WasmRunner,
  input: { kind: SourceKind; source: string; name: string; out: string },
  limits: BuildLimits,
  signal: AbortSignal,
): Promise<PreparedSource> {
  const upload = readFileSync(input.source);
  const built = await runner.build(
    { kind: input.kind, name: input.name, upload, maxFiles: limits.maxFiles, maxBytes: limits.maxBytes },
    { memoryMb: CHECK_MEMORY_MB, timeoutS: CHECK_TIMEOUT_S },
  );
  signal.throwIfAborted();
  if (!built.ok) throw new TaskError(built.error);
  for (const [rel, content] of Object.entries(built.files)) {
    const target = join(input.out, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return {
    handler: built.handler,
    module: built.module,
    shape: built.shape,
    files: Object.keys(built.files).length,
    bytes: built.bytes,
  };
}
