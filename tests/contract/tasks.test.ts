/**
 * Task status and history (GET /api/v1/tasks/{id}, GET /api/v1/workspaces/{id}/tasks), and,
 * embedded only, what happens to tasks across a stop and a crash: never left running forever.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { taskStatusResponse, workspaceTaskList } from "../../lib/contract";
import { HANDLER_PY, startBuild, waitForTask } from "../support/backend-contract-build";
import { expectNotFound, expectShape } from "../support/backend-contract-expect";
import { Api, describeEmbedded, startTarget, type Target } from "../support/backend-contract-target";
import { describeEmbeddedRules, specRule } from "../support/backend-contract-split";

const KST = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+09:00$/;
let target: Target;
let api: Api;

beforeAll(async () => {
  target = await startTarget();
  api = new Api(target.baseUrl);
});
afterAll(async () => target?.close());

/** A workspace with two finished tasks: a completed build, then a failed one. */
async function twoTasks() {
  const ws = `ws-tasks-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
  const first = await startBuild(api, { name: "one.py", bytes: HANDLER_PY }, { workspace_id: ws, app_name: "first" });
  await waitForTask(api, first.task_id);
  const second = await startBuild(
    api,
    { name: "two.py", bytes: "def broken(:\n" },
    { workspace_id: ws, app_name: "second" },
  );
  await waitForTask(api, second.task_id);
  return { ws, first, second };
}

describe("spec: GET /api/v1/tasks/{task_id}", () => {
  it(
    specRule("`GET /api/v1/tasks/{task_id}` → `TaskStatusResponse`", "answers TaskStatusResponse for a known task"),
    async () => {
      const accepted = await startBuild(api, { name: "a.py", bytes: HANDLER_PY });
      const res = await api.get(`/api/v1/tasks/${accepted.task_id}`);
      expect(res.status, res.text).toBe(200);
      expect(expectShape(taskStatusResponse, res.body).task_id).toBe(accepted.task_id);
      await waitForTask(api, accepted.task_id);
    },
  );
});

describe("spec: GET /api/v1/workspaces/{workspace_id}/tasks", () => {
  it(
    specRule(
      "`GET /api/v1/workspaces/{workspace_id}/tasks` → `WorkspaceTaskItem[]`, the workspace's task history",
      "lists the workspace's tasks",
    ),
    async () => {
      const { ws, first, second } = await twoTasks();
      const items = expectShape(workspaceTaskList, (await api.get(`/api/v1/workspaces/${ws}/tasks`)).body);
      expect(new Set(items.map((t) => t.task_id))).toEqual(new Set([first.task_id, second.task_id]));
    },
  );
});

describeEmbeddedRules(
  "task status and history",
  "404 for unknown task ids, newest-first order, KST timestamps, the Builder's error text and an empty list for an unused workspace",
  () => {
    it("answers 404 NOT_FOUND for an unknown task", async () => {
      expectNotFound(await api.get("/api/v1/tasks/00000000-0000-4000-8000-000000000000"));
      expectNotFound(await api.get("/api/v1/tasks/no-such-task"));
    });

    it("lists the workspace's tasks newest first, with KST timestamps", async () => {
      const { ws, first, second } = await twoTasks();
      const items = expectShape(workspaceTaskList, (await api.get(`/api/v1/workspaces/${ws}/tasks`)).body);
      expect(items.map((t) => t.task_id)).toEqual([second.task_id, first.task_id]);
      expect(items.map((t) => t.status)).toEqual(["failed", "completed"]);
      expect(items[0]!.error).toMatch(/SyntaxError/);
      for (const t of items) {
        expect(t.created_at).toMatch(KST);
        expect(t.updated_at).toMatch(KST);
        expect(Date.parse(t.updated_at)).toBeGreaterThanOrEqual(Date.parse(t.created_at));
      }
    });

    it("answers an empty list for a workspace without tasks", async () => {
      const res = await api.get(`/api/v1/workspaces/ws-never-used-${Date.now()}/tasks`);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual([]);
    });
  },
);

/** A registry that accepts connections and never answers: a push to it stays running. */
async function silentRegistry(): Promise<{ url: string; server: Server }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describeEmbedded("tasks across restarts (embedded)", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const fileBackend = () => {
    const dir = mkdtempSync(join(tmpdir(), "eunha-tasks-"));
    dirs.push(dir);
    return { dataDir: dir, dbPath: join(dir, "platform.db") };
  };

  it("a task running when the backend stops is failed as interrupted, and stays so after a restart", async () => {
    const files = fileBackend();
    const registry = await silentRegistry();
    const first = await startTarget(files);
    const a = new Api(first.baseUrl);
    const ws = "ws-restart";
    await waitForTask(a, (await startBuild(a, { name: "a.py", bytes: HANDLER_PY }, { workspace_id: ws })).task_id);
    const push = await a.post("/api/v1/push", { registry_url: `${registry.url}/stuck`, workspace_id: ws });
    expect(push.status, push.text).toBe(202);
    const pushId = (push.body as { task_id: string }).task_id;
    for (let i = 0; i < 100 && (await a.get(`/api/v1/tasks/${pushId}`)).text.includes('"pending"'); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await a.get(`/api/v1/tasks/${pushId}`)).body).toMatchObject({ status: "running" });

    await first.close();
    registry.server.closeAllConnections();
    registry.server.close();
    const second = await startTarget(files);
    try {
      const task = expectShape(taskStatusResponse, (await new Api(second.baseUrl).get(`/api/v1/tasks/${pushId}`)).body);
      expect(task.status).toBe("failed");
      expect(task.error).toMatch(/interrupted: the backend stopped while this task was running/);
    } finally {
      await second.close();
    }
  });

  it("a task left running by a crashed process is failed at the next start", async () => {
    const files = fileBackend();
    const first = await startTarget(files);
    await first.close();
    // What a SIGKILL leaves behind: rows that still say pending/running.
    const db = new Database(files.dbPath);
    const now = Date.now();
    const insert = db.prepare(
      "INSERT INTO tasks (id, workspace_id, kind, status, app_name, created_at, updated_at, payload) VALUES (?, 'ws-crash', 'build', ?, 'x', ?, ?, '{}')",
    );
    insert.run("11111111-1111-4111-8111-111111111111", "running", now, now);
    insert.run("22222222-2222-4222-8222-222222222222", "pending", now, now);
    db.close();

    const second = await startTarget(files);
    try {
      const items = expectShape(
        workspaceTaskList,
        (await new Api(second.baseUrl).get("/api/v1/workspaces/ws-crash/tasks")).body,
      );
      expect(items.map((t) => t.status)).toEqual(["failed", "failed"]);
      const byId = new Map(items.map((t) => [t.task_id, t.error]));
      expect(byId.get("11111111-1111-4111-8111-111111111111")).toMatch(
        /interrupted: the backend stopped while this task was running/,
      );
      expect(byId.get("22222222-2222-4222-8222-222222222222")).toMatch(
        /interrupted: the backend stopped before this task started/,
      );
    } finally {
      await second.close();
    }
  });

  it("deleting a workspace deletes its task history", async () => {
    const created = await api.createWorkspace("tasks-cascade");
    const accepted = await startBuild(api, { name: "a.py", bytes: HANDLER_PY }, { workspace_id: created.id });
    await waitForTask(api, accepted.task_id);
    expect((await api.delete(`/api/workspaces/${created.id}`)).status).toBe(204);
    expectNotFound(await api.get(`/api/v1/tasks/${accepted.task_id}`));
    expect((await api.get(`/api/v1/workspaces/${created.id}/tasks`)).body).toEqual([]);
  });
});
