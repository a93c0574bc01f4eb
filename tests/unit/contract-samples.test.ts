import { describe, expect, it } from "vitest";
import {
  buildResponse,
  deployRequest,
  functionCreate,
  functionUpdate,
  lokiLogsResponse,
  logsResponse,
  prometheusMetricsResponse,
  pushRequest,
  scaffoldRequest,
  scaffoldResponse,
  taskStatusResponse,
  workspace,
  workspaceCreate,
  workspaceTaskList,
  errorEnvelope,
  functionConfig,
} from "@/lib/contract";

// Every sample given in ../shared/spec/backend-api.md, verbatim where the spec gives one.
const samples: Array<[string, { safeParse: (v: unknown) => { success: boolean } }, unknown]> = [
  ["workspace create", workspaceCreate, { name: "Production", description: "Customer facing" }],
  [
    "workspace response",
    workspace,
    {
      id: "ws-abc123",
      name: "Production",
      description: "Customer facing",
      createdAt: "2025-12-07T12:00:00+09:00",
      functionCount: 0,
      invocations24h: 0,
      errorRate: 0,
    },
  ],
  [
    "function create",
    functionCreate,
    {
      name: "user-auth",
      runtime: "Python 3.12",
      memory: 256,
      timeout: 30,
      httpMethods: ["POST"],
      environmentVariables: { JWT_SECRET: "***" },
      code: "ZGVmIGhhbmRsZXIoLi4u",
    },
  ],
  [
    "function patch",
    functionUpdate,
    { description: "Updated", status: "disabled", invocationUrl: "https://fn.prod.example/run", code: "ZGVm" },
  ],
  [
    "function response",
    functionConfig,
    {
      id: "fn-xyz789",
      workspaceId: "ws-abc123",
      name: "user-auth",
      runtime: "Python 3.12",
      memory: 256,
      timeout: 30,
      httpMethods: ["POST"],
      environmentVariables: { JWT_SECRET: "***" },
      code: "ZGVmIGhhbmRsZXIoLi4u",
      invocationUrl: null,
      status: "active",
      lastModified: "2025-12-07T12:00:00.123+09:00",
      lastDeployed: null,
      invocations24h: 3,
      errors24h: 1,
      avgDuration: 12.5,
    },
  ],
  [
    "logs response",
    logsResponse,
    {
      logs: [
        {
          id: "log-1",
          functionId: "fn-xyz789",
          timestamp: "2025-12-07T12:00:00+09:00",
          status: "success",
          duration: 12,
          statusCode: 200,
          requestBody: { test: true },
          responseBody: "ok",
          logs: ["hi"],
          level: "info",
        },
      ],
      total: 1,
    },
  ],
  [
    "loki response",
    lokiLogsResponse,
    { logs: [{ timestamp: "1733540400000000000", line: "hello" }], total: 1, function_id: "fn-xyz789" },
  ],
  [
    "prometheus response",
    prometheusMetricsResponse,
    {
      status: "partial",
      function_id: "fn-xyz789",
      data: {
        cpu_total: null,
        cpu_series: [{ timestamp: 1733540400, value: 0.01 }],
        window_seconds: 3600,
        instant_query: "sum(rate(x[1m]))",
        range_query: "sum(rate(x[1m]))",
        raw_range: { status: "success" },
      },
    },
  ],
  [
    "build response",
    buildResponse,
    { task_id: "t-1", status: "pending", message: "queued", source_s3_path: "s3://bucket/src.py" },
  ],
  [
    "task status",
    taskStatusResponse,
    { task_id: "t-1", status: "completed", result: { wasm_path: "/a.wasm", image_uri: "x" }, error: null },
  ],
  [
    "workspace tasks",
    workspaceTaskList,
    [
      {
        task_id: "t-1",
        status: "done",
        app_name: "a",
        created_at: "2025-12-07T12:00:00+09:00",
        updated_at: "2025-12-07T12:00:05+09:00",
      },
    ],
  ],
  [
    "push",
    pushRequest,
    {
      registry_url: "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/my-app",
      username: "AWS",
      password: "<optional>",
      tag: "v1.0.0",
      workspace_id: "ws-default",
      s3_source_path: "s3://...",
    },
  ],
  [
    "scaffold",
    scaffoldRequest,
    { image_ref: "123.dkr.ecr/...:v1.0.0", component: "api", replicas: 1, output_path: "/tmp/spinapp.yaml" },
  ],
  [
    "deploy",
    deployRequest,
    {
      app_name: "my-spin-app",
      namespace: "default",
      image_ref: "123.dkr.ecr/...:v1.0.0",
      enable_autoscaling: true,
      replicas: 3,
      use_spot: true,
      function_id: "fn-xyz789",
    },
  ],
  [
    "error envelope",
    errorEnvelope,
    { error: { code: "VALIDATION_ERROR", message: "Human readable message", details: { field: "name" } } },
  ],
];

describe("every sample in the spec parses", () => {
  it.each(samples)("%s", (_name, schema, sample) => {
    expect(schema.safeParse(sample).success).toBe(true);
  });
});

describe("defaults the spec gives", () => {
  it("runtime defaults to Python 3.12 and env vars to {}", () => {
    const f = functionCreate.parse({ name: "a", httpMethods: ["GET"], code: "" });
    expect(f.runtime).toBe("Python 3.12");
    expect(f.environmentVariables).toEqual({});
  });
  it("build-and-push style push defaults workspace to ws-default", () => {
    expect(pushRequest.parse({ registry_url: "r.example/app" }).workspace_id).toBe("ws-default");
  });
  it("scaffold YAML is accepted as a JSON object, a JSON string or text", () => {
    expect(scaffoldResponse.parse({ yaml: "kind: SpinApp" })).toEqual({ yaml: "kind: SpinApp" });
    expect(scaffoldResponse.parse("kind: SpinApp")).toEqual({ yaml: "kind: SpinApp" });
  });
});
