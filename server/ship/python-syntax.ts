import "server-only";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic, Workspace } from "@astral-sh/ruff-wasm-web";
import { logger } from "@/server/log/logger";

/*
 * The syntax check a deploy runs before anything starts: Ruff's parser (the WebAssembly build the
 * editor uses too), in this server process. Python's own syntax errors only, not lint findings.
 */

export type SyntaxProblem = { line: number; column: number; message: string };

let ruff: Promise<Workspace> | null = null;

function loadRuff(): Promise<Workspace> {
  ruff ??= import("@astral-sh/ruff-wasm-web")
    .then(({ initSync, Workspace, PositionEncoding }) => {
      // Read with fs from the server's working directory (the repository, or .next/standalone, where
      // the trace of this literal path puts it): Turbopack cannot load a .wasm of a server external.
      const wasm = join(process.cwd(), "node_modules", "@astral-sh", "ruff-wasm-web", "ruff_wasm_bg.wasm");
      initSync({ module: readFileSync(wasm) });
      return new Workspace({ lint: { select: ["E9"] } }, PositionEncoding.Utf16);
    })
    .catch((error: unknown) => {
      ruff = null;
      throw error;
    });
  return ruff;
}

/**
 * The code's syntax errors, first one first; empty when it parses. When Ruff itself cannot load, the
 * check is skipped (logged) rather than blocking deploys: the Builder refuses unparsable code anyway.
 */
export async function pythonSyntaxErrors(code: string): Promise<SyntaxProblem[]> {
  let workspace: Workspace;
  try {
    workspace = await loadRuff();
  } catch (error) {
    logger.warn({ err: error }, "Ruff could not load: the pre-deploy syntax check is skipped");
    return [];
  }
  return (workspace.check(code) as Diagnostic[])
    .filter((d) => d.code === null || d.code === "invalid-syntax")
    .map((d) => ({ line: d.start_location.row, column: d.start_location.column, message: d.message }));
}
