/** Helpers for the `/api/v1` contract tests: multipart uploads, task polling, zip archives made by Python. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, vi } from "vitest";
import { buildResponse, taskStatusResponse, TERMINAL_STATUSES, type TaskStatusResponse } from "../../lib/contract";
import { expectShape } from "./backend-contract-expect";
import { authHeaders, type Api, type ApiResponse } from "./backend-contract-target";

export type Upload = { name: string; bytes: Buffer | string };

/** POSTs multipart/form-data the way the BFF does (fetch + FormData). */
export async function postForm(
  api: Api,
  path: string,
  file: Upload | null,
  fields: Record<string, string> = {},
): Promise<ApiResponse> {
  const form = new FormData();
  if (file)
    form.append(
      "file",
      new Blob([typeof file.bytes === "string" ? file.bytes : new Uint8Array(file.bytes)]),
      file.name,
    );
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const started = performance.now();
  const res = await fetch(`${api.baseUrl}${path}`, { method: "POST", headers: authHeaders(api.baseUrl), body: form });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text, headers: res.headers, ms: performance.now() - started };
}

/** Starts a build and returns its accepted BuildResponse (fails the test on anything but 202). */
export async function startBuild(api: Api, file: Upload, fields: Record<string, string> = {}, path = "/api/v1/build") {
  const res = await postForm(api, path, file, fields);
  expect(res.status, res.text).toBe(202);
  return expectShape(buildResponse, res.body);
}

/** Polls GET /api/v1/tasks/{id} until the task is terminal (completed, failed or done). */
export async function waitForTask(api: Api, taskId: string, timeoutMs = 30_000): Promise<TaskStatusResponse> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await api.get(`/api/v1/tasks/${taskId}`);
    expect(res.status, res.text).toBe(200);
    const task = expectShape(taskStatusResponse, res.body);
    if (TERMINAL_STATUSES.includes(task.status)) return task;
    if (Date.now() > deadline) throw new Error(`task ${taskId} still ${task.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const succeeded = (t: TaskStatusResponse) => t.status === "completed" || t.status === "done";

export const HANDLER_PY = `def handler(event):\n    return {"hello": event.get("name", "world")}\n`;
export const SPIN_PY = `from spin_sdk import http\nfrom spin_sdk.http import Request, Response\n\nclass IncomingHandler(http.IncomingHandler):\n    def handle_request(self, request: Request) -> Response:\n        return Response(200, {"content-type": "text/plain"}, b"spin")\n`;

export type ZipEntry = { name: string; data?: string; symlinkTo?: string; size?: number };

const ZIP_SCRIPT = `
import json, sys, zipfile
spec = json.loads(sys.stdin.read())
with zipfile.ZipFile(spec["out"], "w", zipfile.ZIP_DEFLATED) as z:
    for e in spec["entries"]:
        if e.get("symlinkTo") is not None:
            info = zipfile.ZipInfo(e["name"])
            info.external_attr = (0o120777 << 16)
            z.writestr(info, e["symlinkTo"])
        elif e.get("size") is not None:
            info = zipfile.ZipInfo(e["name"])
            info.compress_type = zipfile.ZIP_DEFLATED
            with z.open(info, "w", force_zip64=True) as f:
                chunk = b"\\0" * 65536
                left = e["size"]
                while left > 0:
                    f.write(chunk[: min(left, len(chunk))])
                    left -= len(chunk)
        else:
            z.writestr(e["name"], e.get("data", ""))
`;

/**
 * A zip archive built by Python's zipfile, which writes what the tests need and no hand-made
 * encoder would get right: `../` names, symlink entries, large zero-filled (bomb-like) members.
 */
export function makeZip(entries: ZipEntry[]): Buffer {
  const dir = mkdtempSync(join(tmpdir(), "eunha-zip-"));
  try {
    const out = join(dir, "upload.zip");
    const python = ["/usr/bin/python3", "python3"].find((p) => spawnSync(p, ["-c", "pass"]).status === 0);
    if (!python) throw new Error("no Python to build test zips with");
    const r = spawnSync(python, ["-c", ZIP_SCRIPT], { input: JSON.stringify({ out, entries }), encoding: "utf8" });
    if (r.status !== 0) throw new Error(`zip creation failed: ${r.stderr}`);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Captures everything the (in-process) backend prints while `fn` runs. */
export async function captureConsole<T>(fn: () => Promise<T>): Promise<{ value: T; output: string }> {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error", "debug"] as const).map((m) =>
    vi
      .spyOn(console, m)
      .mockImplementation(
        (...args: unknown[]) =>
          void lines.push(args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(" ")),
      ),
  );
  try {
    const value = await fn();
    return { value, output: lines.join("\n") };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}
