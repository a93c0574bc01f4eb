import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as AuthErrors from "@/server/auth/errors";
import type * as Policy from "@/server/auth/policy";
import { fault, startFaultServer, type FaultServer } from "../support/fault-server";

/*
 * The dashboard's fan-out against a real HTTP backend double: how many calls it makes, what it does
 * when some of them fail, and that a shared read is not repeated. The session is stubbed, as in bff-dal.
 */
const session = vi.hoisted(() => ({ roles: ["viewer"] as string[] }));
vi.mock("@/server/auth/session", async () => {
  const { can } = await vi.importActual<typeof Policy>("@/server/auth/policy");
  const { AuthError } = await vi.importActual<typeof AuthErrors>("@/server/auth/errors");
  return {
    requireUser: async (action?: Parameters<typeof can>[1]) => {
      if (action && !can(session.roles, action)) throw new AuthError("FORBIDDEN");
      return {
        id: "u1",
        name: "Manager",
        email: "m@example.com",
        roles: session.roles,
        expiresAt: new Date(Date.now() + 3600_000),
      };
    },
  };
});
vi.mock("@/server/auth/upstream-identity", () => ({
  upstreamIdentityHeaders: async () => ({ "x-eunha-user": "m@example.com" }),
}));
vi.mock("@/server/dal/request-id", () => ({ currentRequestId: async () => undefined }));

const workspace = (id: string, invocations: number, errorRate: number) => ({
  id,
  name: `Team ${id}`,
  createdAt: "2025-12-07T12:00:00+09:00",
  functionCount: 2,
  invocations24h: invocations,
  errorRate,
});
const fn = (workspaceId: string, id: string, invocations: number, errors: number) => ({
  id,
  workspaceId,
  name: id,
  runtime: "Python 3.12",
  memory: 128,
  timeout: 10,
  httpMethods: ["POST"],
  environmentVariables: { API_TOKEN: "real-token-value" },
  code: "cHJpbnQoMSk=",
  status: "active",
  lastModified: "2025-12-07T12:00:00+09:00",
  invocations24h: invocations,
  errors24h: errors,
  avgDuration: 12,
});
const task = (id: string, updated: string) => ({
  task_id: id,
  status: "completed",
  app_name: `app-${id}`,
  created_at: updated,
  updated_at: updated,
});

let server: FaultServer;
const dataRoot = mkdtempSync(join(tmpdir(), "eunha-dashboard-"));
let dataDirs = 0;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
  rmSync(dataRoot, { recursive: true, force: true });
});
beforeEach(() => {
  vi.resetModules();
  vi.stubEnv("BACKEND_URL", server.url);
  vi.stubEnv("BACKEND_TIMEOUT_MS", "2000");
  vi.stubEnv("LOG_LEVEL", "silent");
  vi.stubEnv("DASHBOARD_CACHE_SECONDS", "30");
  vi.stubEnv("DASHBOARD_CONCURRENCY", "3");
  vi.stubEnv("DASHBOARD_SNAPSHOT_MINUTES", "60");
  // A fresh SQLite console store per test.
  vi.stubEnv("CONSOLE_DATA_DIR", join(dataRoot, `store-${++dataDirs}`));
  session.roles = ["viewer"];
  server.reset();
  server.setRoute("GET", "/api/workspaces", fault.json(200, [workspace("a", 10, 10), workspace("b", 40, 5)]));
  server.setRoute("GET", "/api/workspaces/a/functions", fault.json(200, [fn("a", "a1", 4, 1), fn("a", "a2", 6, 0)]));
  server.setRoute("GET", "/api/workspaces/b/functions", fault.json(200, [fn("b", "b1", 40, 2)]));
  server.setRoute("GET", "/api/v1/workspaces/a/tasks", fault.json(200, [task("t-old", "2025-12-07T10:00:00+09:00")]));
  server.setRoute("GET", "/api/v1/workspaces/b/tasks", fault.json(200, [task("t-new", "2025-12-07T11:00:00+09:00")]));
});
afterEach(() => vi.unstubAllEnvs());

const upstreamCalls = () => server.requests.length;

describe("readDashboard", () => {
  it("reads the list, then each workspace's functions and tasks: 1 + 2 × workspaces calls", async () => {
    const { readDashboard, toDashboardDto } = await import("@/server/dashboard/aggregate");
    const data = await readDashboard();
    expect(upstreamCalls()).toBe(5);
    expect(data.upstreamRequests).toBe(5);
    expect(data.totals).toEqual({
      workspaces: 2,
      functions: 3,
      invocations24h: 50,
      errors24h: 3,
      errorRate: 6,
      avgDuration: 12,
    });
    expect(data.tasks.map((t) => t.taskId)).toEqual(["t-new", "t-old"]);
    const dto = toDashboardDto(data);
    expect(dto.topErrorFunctions.map((f) => [f.workspaceName, f.name, f.errors24h])).toEqual([
      ["Team b", "b1", 2],
      ["Team a", "a1", 1],
    ]);
    expect(dto.failures).toEqual([]);
    // Function DTOs are reshaped: nothing of an upstream secret survives into the dashboard.
    expect(JSON.stringify(data)).not.toContain("real-token-value");
  });

  it("a failing part is named, the rest still counts, and the failed workspace falls back to its own totals", async () => {
    server.setRoute(
      "GET",
      "/api/workspaces/b/functions",
      fault.json(503, { error: { code: "SERVICE_UNAVAILABLE", message: "DynamoDB is busy" } }),
    );
    server.setRoute("GET", "/api/v1/workspaces/a/tasks", fault.text(500, "upstream exploded"));
    const { readDashboard } = await import("@/server/dashboard/aggregate");
    const data = await readDashboard();
    expect(data.failures.map((f) => [f.workspaceName, f.part])).toEqual([
      ["Team a", "tasks"],
      ["Team b", "functions"],
    ]);
    expect(data.failures[1]).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: "DynamoDB is busy" });
    expect(data.workspaces.find((w) => w.id === "b")).toMatchObject({
      invocations24h: 40,
      errors24h: 2,
      errorRate: 5,
      avgDuration: null,
    });
    expect(data.functions.map((f) => f.id)).toEqual(["a1", "a2"]);
    expect(data.tasks.map((t) => t.taskId)).toEqual(["t-new"]);
  });

  it("without the workspace list there is no dashboard: the error is thrown for the page to show", async () => {
    server.setRoute("GET", "/api/workspaces", fault.json(500, { error: { code: "LIST_ERROR", message: "boom" } }));
    const { readDashboard } = await import("@/server/dashboard/aggregate");
    await expect(readDashboard()).rejects.toMatchObject({ code: "LIST_ERROR" });
    // A failure is not cached: the next read asks again.
    server.setRoute("GET", "/api/workspaces", fault.json(200, []));
    expect((await readDashboard()).totals.workspaces).toBe(0);
  });

  it("a room of readers with the same roles costs one fan-out; another role reads its own", async () => {
    server.setRoute("GET", "/api/workspaces/a/functions", fault.delay(50, fault.json(200, [fn("a", "a1", 4, 1)])));
    const { readDashboard } = await import("@/server/dashboard/aggregate");
    const all = await Promise.all(Array.from({ length: 10 }, () => readDashboard()));
    expect(new Set(all).size).toBe(1);
    expect(upstreamCalls()).toBe(5);
    await readDashboard();
    expect(upstreamCalls()).toBe(5);
    session.roles = ["developer"];
    await readDashboard();
    expect(upstreamCalls()).toBe(10);
  });

  it("a role without read access gets FORBIDDEN and no backend call", async () => {
    session.roles = [];
    const { readDashboard } = await import("@/server/dashboard/aggregate");
    await expect(readDashboard()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(upstreamCalls()).toBe(0);
  });
});

describe("dashboard history in the console store", () => {
  it("stores a snapshot per interval, gives the previous one for change, and lists the console's deployments in visible workspaces", async () => {
    const { readDashboard, forgetDashboard } = await import("@/server/dashboard/aggregate");
    const first = await readDashboard();
    expect(first.history).toMatchObject({ previous: null, unavailable: false, recentDeployments: [] });
    expect(first.history.trend).toHaveLength(1);

    const { db } = await import("@/server/store");
    const { insertDeployment } = await import("@/server/store/deployments");
    const row = (id: string, workspace: string) => ({
      id,
      workspace_id: workspace,
      function_id: "a1",
      function_name: "a1",
      kind: "deploy" as const,
      status: "succeeded",
      stages: "[]",
      code_hash: "h",
      code: "",
      registry_url: null,
      image_ref: "r/a1:v1",
      settings: "{}",
      endpoint: null,
      source_deployment_id: null,
      created_by: "dev@example.com",
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
      finished_at: null,
      lease_until: null,
    });
    await insertDeployment(await db(), row("d-visible", "a"));
    await insertDeployment(await db(), row("d-elsewhere", "not-listed"));

    server.setRoute("GET", "/api/workspaces/a/functions", fault.json(200, [fn("a", "a1", 14, 3), fn("a", "a2", 6, 0)]));
    forgetDashboard();
    const second = await readDashboard();
    expect(second.history.previous).toEqual(first.totals);
    expect(second.totals.invocations24h).toBe(first.totals.invocations24h + 10);
    // Same interval: no second snapshot, the trend still has one point.
    expect(second.history.trend).toHaveLength(1);
    expect(second.history.recentDeployments.map((d) => [d.id, d.workspaceName])).toEqual([["d-visible", "Team a"]]);
  });

  it("a partial read is not stored (it would dent the trend)", async () => {
    server.setRoute(
      "GET",
      "/api/workspaces/b/functions",
      fault.json(503, { error: { code: "SERVICE_UNAVAILABLE", message: "busy" } }),
    );
    const { readDashboard } = await import("@/server/dashboard/aggregate");
    expect((await readDashboard()).history.trend).toEqual([]);
  });

  it("without a usable store the figures still come, marked as having no history", async () => {
    const file = join(dataRoot, `not-a-dir-${++dataDirs}`);
    writeFileSync(file, "x");
    vi.stubEnv("CONSOLE_DATA_DIR", file);
    const { readDashboard } = await import("@/server/dashboard/aggregate");
    const data = await readDashboard();
    expect(data.totals.workspaces).toBe(2);
    expect(data.history).toEqual({ previous: null, trend: [], recentDeployments: [], unavailable: true });
  });
});
