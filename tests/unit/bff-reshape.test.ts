import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  functionConfig,
  logsResponse,
  prometheusMetricsResponse,
  taskStatusResponse,
  workspace,
  workspaceTaskItem,
} from "@/lib/contract";
import { ENV_MASK } from "@/lib/dto/function";
import { REDACTED } from "@/server/secrets/redact";

const REGISTRY_PASSWORD = "Registry-Pa55word-xyz";
const leaks = { password: "p-leak", token: "t-leak", aws_secret: "aws-leak", internal_path: "/srv/x" };

/** Serializes a DTO and checks that none of the planted values survived. */
function expectNoLeak(dto: unknown) {
  const text = JSON.stringify(dto);
  for (const v of [...Object.values(leaks), REGISTRY_PASSWORD]) expect(text).not.toContain(v);
  for (const k of Object.keys(leaks)) expect(text).not.toContain(`"${k}"`);
}

beforeEach(() => {
  vi.resetModules();
  vi.stubEnv(
    "REGISTRY_CREDENTIALS",
    JSON.stringify([{ url: "registry.example.com", username: "ci", password: REGISTRY_PASSWORD }]),
  );
  vi.stubEnv("SECRET_ENV_PATTERNS", "*SECRET*,*TOKEN*,*PASSWORD*,*KEY*");
});
afterEach(() => vi.unstubAllEnvs());

const fn = {
  id: "fn-1",
  workspaceId: "ws-1",
  name: "user-auth",
  runtime: "Python 3.12",
  memory: 256,
  timeout: 30,
  httpMethods: ["POST"],
  environmentVariables: { JWT_SECRET: "jwt-real", db_password: "db-real", REGION: "kr" },
  code: "ZGVmIGhhbmRsZXIoKTogcGFzcw==",
  status: "active",
  lastModified: "2025-12-07T12:00:00+09:00",
  invocations24h: 3,
  errors24h: 1,
  avgDuration: 12.5,
  ...leaks,
};

describe("reshape: DTOs are built field by field", () => {
  it("workspace", async () => {
    const { reshapeWorkspace } = await import("@/server/dal/reshape");
    const raw = {
      id: "ws-1",
      name: "Prod",
      createdAt: "2025-12-07T12:00:00+09:00",
      functionCount: 0,
      invocations24h: 0,
      errorRate: 0,
      ...leaks,
    };
    for (const input of [raw, workspace.parse(raw)]) {
      const dto = reshapeWorkspace(input as never);
      expect(dto).toEqual({
        id: "ws-1",
        name: "Prod",
        description: null,
        createdAt: raw.createdAt,
        functionCount: 0,
        invocations24h: 0,
        errorRate: 0,
      });
      expectNoLeak(dto);
    }
  });

  it("function: spec field names, secrets masked, extras dropped", async () => {
    const { reshapeFunction } = await import("@/server/dal/reshape-function");
    const { secretEnvMatcher } = await import("@/server/secrets/env-mask");
    const dto = reshapeFunction(functionConfig.parse(fn), secretEnvMatcher());
    expect(dto.environmentVariables).toEqual({ JWT_SECRET: ENV_MASK, db_password: ENV_MASK, REGION: "kr" });
    expect(Object.keys(dto).sort()).toEqual(
      [
        "id",
        "workspaceId",
        "name",
        "description",
        "runtime",
        "memory",
        "timeout",
        "httpMethods",
        "environmentVariables",
        "code",
        "invocationUrl",
        "status",
        "lastModified",
        "lastDeployed",
        "invocations24h",
        "errors24h",
        "avgDuration",
      ].sort(),
    );
    expect(JSON.stringify(dto)).not.toMatch(/jwt-real|db-real/);
    expectNoLeak(reshapeFunction(fn as never, secretEnvMatcher()));
  });

  it("execution logs: payloads scrubbed of credential keys and console secrets", async () => {
    const { reshapeLogs } = await import("@/server/dal/reshape-function");
    const raw = {
      total: 1,
      ...leaks,
      logs: [
        {
          id: "l1",
          functionId: "fn-1",
          timestamp: "2025-12-07T12:00:00+09:00",
          status: "success",
          duration: 3,
          statusCode: 200,
          requestBody: { user: "a", password: "p-leak" },
          responseBody: { ok: true, token: "t-leak" },
          logs: [`login with ${REGISTRY_PASSWORD}`],
          level: "info",
          ...leaks,
        },
      ],
    };
    const dto = reshapeLogs(logsResponse.parse(raw));
    expect(dto.logs[0]).toMatchObject({
      requestBody: { user: "a" },
      responseBody: { ok: true },
      logs: [`login with ${REDACTED}`],
    });
    expectNoLeak(dto);
  });

  it("tasks: snake_case for /api/v1, Builder errors redacted", async () => {
    const { reshapeApiTaskStatus, reshapeApiWorkspaceTask } = await import("@/server/dal/reshape");
    const status = {
      task_id: "t1",
      status: "failed",
      result: { image_url: "registry.example.com/app:v1", registry_password: REGISTRY_PASSWORD, ...leaks },
      error: `docker login -u ci -p ${REGISTRY_PASSWORD} registry.example.com: denied`,
      ...leaks,
    };
    const dto = reshapeApiTaskStatus(taskStatusResponse.parse(status));
    expect(dto).toEqual({
      task_id: "t1",
      status: "failed",
      result: { wasm_path: null, image_url: "registry.example.com/app:v1", image_uri: null, file_path: null },
      error: `docker login -u ci -p ${REDACTED} registry.example.com: denied`,
    });
    expectNoLeak(reshapeApiTaskStatus(status as never));

    const item = { ...status, created_at: "2025-12-07T12:00:00+09:00", updated_at: "2025-12-07T12:01:00+09:00" };
    expectNoLeak(reshapeApiWorkspaceTask(workspaceTaskItem.parse(item)));
    expect(reshapeApiWorkspaceTask(workspaceTaskItem.parse(item)).error).toContain(REDACTED);
  });

  it("metrics: raw series only when allowed, and scrubbed", async () => {
    const { reshapeMetrics } = await import("@/server/dal/reshape-observability");
    const raw = prometheusMetricsResponse.parse({
      status: "partial",
      function_id: "fn-1",
      data: {
        cpu_total: null,
        cpu_series: [{ timestamp: 1, value: 0.5, ...leaks }],
        window_seconds: 3600,
        instant_query: "q1",
        range_query: "q2",
        raw_instant: { result: [], token: "t-leak" },
        raw_range: { result: [1] },
      },
    });
    expect(reshapeMetrics(raw, false).data).not.toHaveProperty("raw_instant");
    expect(reshapeMetrics(raw, true).data.raw_instant).toEqual({ result: [] });
    expectNoLeak(reshapeMetrics(raw, true));
  });

  it("deploy and scaffold answers are redacted", async () => {
    const { reshapeDeploy, reshapeScaffold } = await import("@/server/dal/reshape-pipeline");
    const d = reshapeDeploy({
      status: "ok",
      message: `used ${REGISTRY_PASSWORD}`,
      endpoint: "http://x",
      ...leaks,
    } as never);
    expect(d.message).toBe(`used ${REDACTED}`);
    expectNoLeak(d);
    expect(reshapeScaffold(`password: ${REGISTRY_PASSWORD}\n`).yaml).toBe(`password: ${REDACTED}\n`);
  });
});
