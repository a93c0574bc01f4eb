import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { fileURLToPath } from "node:url";
import { TaskError } from "../tasks/task-error";
import type { SourceKind } from "./upload-check";

const BUILD_TOOLS_PY = fileURLToPath(new URL("../python/build_tools.py", import.meta.url));
const TIMEOUT_MS = 120_000;
const MAX_OUTPUT = 1024 * 1024;

export type BuildLimits = { maxFiles: number; maxBytes: number };
export type PreparedSource = { handler: string; module: string; shape: "spin" | "plain"; files: number; bytes: number };

/**
 * Runs python/build_tools.py: fills `out` with the application's files (a .py as app.py, a zip
 * extracted safely) and compiles them. Python's own zipfile and compiler do the work, so the
 * error a user sees is the interpreter's (message and line), not an imitation of it.
 */
export function prepareSource(
  python: string,
  input: { kind: SourceKind; source: string; name: string; out: string },
  limits: BuildLimits,
  signal: AbortSignal,
): Promise<PreparedSource> {
  return new Promise((resolve, reject) => {
    // -I: no user site or environment; -S: no site import (faster; only the stdlib is needed).
    const child = spawn(python, ["-I", "-S", BUILD_TOOLS_PY], {
      cwd: tmpdir(),
      env: { PATH: "/usr/bin:/bin", LANG: "C.UTF-8" } as unknown as NodeJS.ProcessEnv,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += c.toString("utf8");
    });
    child.stderr.on("data", (c: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += c.toString("utf8");
    });
    child.stdin.on("error", () => undefined);
    child.stdin.end(JSON.stringify({ ...input, max_files: limits.maxFiles, max_bytes: limits.maxBytes }));

    const kill = () => child.kill("SIGKILL");
    const timer = setTimeout(kill, TIMEOUT_MS);
    signal.addEventListener("abort", kill, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", kill);
    };

    child.on("error", (err) => {
      cleanup();
      reject(new TaskError(`could not start Python (${python}): ${err.message}`));
    });
    child.on("close", (code, sig) => {
      cleanup();
      if (signal.aborted) return reject(signal.reason);
      if (sig) return reject(new TaskError(`the build step was stopped (${sig === "SIGKILL" ? `no result within ${TIMEOUT_MS / 1000} s` : sig})`));
      let answer: ({ ok: true } & PreparedSource) | { ok: false; error: string };
      try {
        answer = JSON.parse(stdout) as typeof answer;
      } catch {
        const last = stderr.trim().split("\n").slice(-1)[0] ?? "";
        return reject(new TaskError(`the build step failed (exit ${code}): ${last || "no output"}`));
      }
      if (!answer.ok) return reject(new TaskError(answer.error));
      resolve({ handler: answer.handler, module: answer.module, shape: answer.shape, files: answer.files, bytes: answer.bytes });
    });
  });
}
