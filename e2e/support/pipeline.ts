import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type APIRequestContext } from "@playwright/test";

/** Writes a source file for an upload into a fresh temp directory; returns its path. */
export function sourceFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "eunha-e2e-src-")), name);
  writeFileSync(path, content);
  return path;
}

/** The registries the console offers (as the developer sees them): empty without docker-registry. */
export async function configuredRegistry(request: APIRequestContext): Promise<string | null> {
  const res = await request.get("/api/v1/registries");
  expect(res.status()).toBe(200);
  return ((await res.json()) as { registries: string[] }).registries[0] ?? null;
}

export type TaskStatus = {
  task_id: string;
  status: string;
  result: { image_url: string | null; image_uri: string | null } | null;
  error: string | null;
};

/** Polls the task over the BFF until it ends (for set-up steps that need no UI). */
export async function waitForTask(request: APIRequestContext, taskId: string): Promise<TaskStatus> {
  let last: TaskStatus | null = null;
  await expect
    .poll(
      async () => {
        last = (await (await request.get(`/api/v1/tasks/${taskId}`)).json()) as TaskStatus;
        return last.status;
      },
      { timeout: 60_000, intervals: [500] },
    )
    .toMatch(/^(completed|failed|done)$/);
  return last!;
}

/** A handler the embedded function host runs as is: the event's name comes back in a greeting. */
export const GREETER_PY = [
  "def handler(event):",
  "    # 배포 테스트: UTF-8 comments survive the build",
  '    return {"greeting": "hello " + str(event.get("name", "nobody"))}',
  "",
].join("\n");

/** Fails to compile on line 3. */
export const BROKEN_PY = ["def handler(event):", "    x = 1", "    return {x: }", ""].join("\n");
