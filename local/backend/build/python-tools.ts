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
 * the handler module is imported in a fresh instance, exactly as a cold start imports it. So the
 * error a user sees is the sandboxed interpreter's own (message and line), and a build that passes
 * runs: a missing module or a C extension WebAssembly cannot load fails here, not at the first call.
 */
export async function prepareSource(
  runner: WasmRunner,
  input: { kind: SourceKind; source: string; name: string; out: string },
  limits: BuildLimits,
  signal: AbortSignal,
): Promise<PreparedSource> {
  const built = await runner.build({ kind: input.kind, name: input.name, upload: readFileSync(input.source), maxFiles: limits.maxFiles, maxBytes: limits.maxBytes });
  signal.throwIfAborted();
  if (!built.ok) throw new TaskError(built.error);
  const failure = await runner.importCheck({ functionId: `build:${input.name}`, files: built.files, entry: built.handler, env: {}, memoryMb: CHECK_MEMORY_MB, timeoutS: CHECK_TIMEOUT_S });
  signal.throwIfAborted();
  if (failure) throw new TaskError(`${built.handler} cannot be imported in the function runtime (Python 3.14 on WebAssembly):\n${lastLines(failure)}`);
  for (const [rel, content] of Object.entries(built.files)) {
    const target = join(input.out, rel);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  return { handler: built.handler, module: built.module, shape: built.shape, files: Object.keys(built.files).length, bytes: built.bytes };
}

/** The end of a traceback is what names the problem: the failing line and the exception. */
function lastLines(traceback: string, count = 12): string {
  return traceback.split("\n").slice(-count).join("\n");
}
