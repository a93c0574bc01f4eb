import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ENV_MASK } from "@/lib/dto/function";
import type * as AuditModule from "@/server/audit";
import type * as AuthErrors from "@/server/auth/errors";
import type * as Policy from "@/server/auth/policy";
import { fault, startFaultServer, type FaultServer } from "../support/fault-server";
import { apiFailure } from "../support/fault-upstream";

/*
 * The DAL against a real HTTP backend double: what actually goes over the wire (masks swapped back,
 * credentials injected, uploads relayed, timeouts) and what comes back. The session is stubbed here;
 * the HTTP-level authorization matrix runs against the built app.
 */

const session = vi.hoisted(() => ({ roles: ["developer"] as string[], audits: [] as unknown[] }));

vi.mock("@/server/auth/session", async () => {
  const { can } = await vi.importActual<typeof Policy>("@/server/auth/policy");
  const { AuthError } = await vi.importActual<typeof AuthErrors>("@/server/auth/errors");
  return {
    requireUser: async (action?: Parameters<typeof can>[1]) => {
      if (action && !can(session.roles, action)) throw new AuthError("FORBIDDEN");
      return {
        id: "u1",
        name: "Dev",
        email: "dev@example.com",
        roles: session.roles,
        expiresAt: new Date(Date.now() + 3600_000),
      };
    },
  };
});
vi.mock("@/server/auth/upstream-identity", () => ({
  upstreamIdentityHeaders: async () => ({ "x-eunha-user": "dev@example.com" }),
}));
vi.mock("@/server/audit", async (actual) => ({
  ...(await actual<typeof AuditModule>()),
  audit: (entry: unknown) => session.audits.push(entry),
}));

const REGISTRY_PASSWORD = "team-registry-Pa55";
const FN_PATH = "/api/workspaces/ws-1/functions/fn-1";
const storedFn = {
  id: "fn-1",
  workspaceId: "ws-1",
  name: "user-auth",
  runtime: "Python 3.12",
  memory: 256,
  timeout: 1,
  httpMethods: ["POST"],
  environmentVariables: { JWT_SECRET: "jwt-real-value", REGION: "kr" },
  code: "cHJpbnQoMSk=",
  status: "active",
  lastModified: "2025-12-07T12:00:00+09:00",
  invocations24h: 0,
  errors24h: 0,
  avgDuration: 0,
};
const started = { task_id: "task-1", status: "pending", message: "queued" };

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  vi.resetModules();
  vi.stubEnv("BACKEND_URL", server.url);
  vi.stubEnv("BACKEND_TIMEOUT_MS", "1000");
  vi.stubEnv("INVOKE_TIMEOUT_MARGIN_MS", "1000");
  vi.stubEnv("LOG_LEVEL", "silent");
  vi.stubEnv("UPLOAD_MAX_MB", "1");
  vi.stubEnv(
    "REGISTRY_CREDENTIALS",
    JSON.stringify([{ url: "registry.example.com/team", username: "ci", password: REGISTRY_PASSWORD }]),
  );
  session.roles = ["developer"];
  session.audits.length = 0;
  server.reset();
  server.setRoute("GET", FN_PATH, fault.json(200, storedFn));
});
afterEach(() => vi.unstubAllEnvs());

const sent = (method: string, path: string) =>
  server.requests.filter((r) => r.method === method && r.path.split("?")[0] === path);

describe("functions", () => {
  it("masks secrets on read and never writes the mask back", async () => {
    const { getFunction, updateFunction } = await import("@/server/dal/functions");
    const { runWithRequestContext } = await import("@/server/context/request-context");
    const dto = await runWithRequestContext("req-abcdef12", () => getFunction("ws-1", "fn-1"));
    expect(dto.environmentVariables).toEqual({ JWT_SECRET: ENV_MASK, REGION: "kr" });
    expect(sent("GET", FN_PATH)[0]?.headers["x-request-id"]).toBe("req-abcdef12");

    server.setRoute("PATCH", FN_PATH, fault.json(200, storedFn));
    await updateFunction("ws-1", "fn-1", { environmentVariables: { ...dto.environmentVariables, REGION: "eu" } });
    expect(JSON.parse(sent("PATCH", FN_PATH)[0]!.body)).toEqual({
      environmentVariables: { JWT_SECRET: "jwt-real-value", REGION: "eu" },
    });
  });

  it("refuses a stale code save with the stored version and writes nothing", async () => {
    const { saveFunctionCode } = await import("@/server/dal/function-edits");
    const err = await saveFunctionCode("ws-1", "fn-1", "eA==", "2025-12-07T11:00:00+09:00").catch((e: unknown) => e);
    expect(err).toMatchObject({
      status: 409,
      code: "CONFLICT",
      details: { current: { code: storedFn.code, lastModified: storedFn.lastModified } },
    });
    expect(sent("PATCH", FN_PATH)).toHaveLength(0);
  });

  it("audits a reveal", async () => {
    const { revealEnvVar } = await import("@/server/dal/functions");
    expect(await revealEnvVar("ws-1", "fn-1", "JWT_SECRET")).toEqual({ name: "JWT_SECRET", value: "jwt-real-value" });
    expect(session.audits).toEqual([
      expect.objectContaining({
        action: "function.revealSecret",
        result: "ok",
        target: { workspaceId: "ws-1", functionId: "fn-1", name: "JWT_SECRET" },
      }),
    ]);
    session.roles = ["viewer"];
    await expect(revealEnvVar("ws-1", "fn-1", "JWT_SECRET")).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("invoke", () => {
  const INVOKE = `${FN_PATH}/invoke`;
  it("relays the function's answer as text, with its status", async () => {
    server.setRoute("POST", INVOKE, fault.text(418, "<h1>teapot</h1>", "text/html"));
    const { invokeFunction } = await import("@/server/dal/invoke");
    const r = await invokeFunction("ws-1", "fn-1", { test: true });
    expect(r).toMatchObject({
      status: 418,
      contentType: "text/plain; charset=utf-8",
      upstreamContentType: "text/html",
      body: "<h1>teapot</h1>",
    });
    expect(JSON.parse(sent("POST", INVOKE)[0]!.body)).toEqual({ test: true });
  });

  it("waits the function's timeout plus the margin (2 s here), not the default 1 s, and no longer", async () => {
    const { invokeFunction } = await import("@/server/dal/invoke");
    server.setRoute("POST", INVOKE, fault.delay(1300, fault.json(200, { ok: 1 })));
    expect(await invokeFunction("ws-1", "fn-1", {})).toMatchObject({ status: 200, contentType: "application/json" });
    server.setRoute("POST", INVOKE, fault.delay(3000));
    expect(await apiFailure(invokeFunction("ws-1", "fn-1", {}))).toMatchObject({
      status: 504,
      code: "UPSTREAM_TIMEOUT",
    });
  });

  it("keeps the backend's own 504 as an error", async () => {
    server.setRoute(
      "POST",
      INVOKE,
      fault.json(504, { error: { code: "INVOKE_TIMEOUT", message: "Function timed out" } }),
    );
    const { invokeFunction } = await import("@/server/dal/invoke");
    expect(await apiFailure(invokeFunction("ws-1", "fn-1", {}))).toMatchObject({ status: 504, code: "INVOKE_TIMEOUT" });
  });

  it("a function's envelope-shaped 422 and 401 are its answers, byte for byte", async () => {
    const { invokeFunction } = await import("@/server/dal/invoke");
    const own = { error: { code: "VALIDATION_ERROR", message: "qty must be positive", details: { field: "qty" } } };
    server.setRoute("POST", INVOKE, fault.json(422, own));
    expect(await invokeFunction("ws-1", "fn-1", {})).toMatchObject({
      status: 422,
      contentType: "application/json",
      body: JSON.stringify(own),
    });
    server.setRoute("POST", INVOKE, fault.json(401, { error: { code: "UNAUTHENTICATED", message: "token please" } }));
    expect(await invokeFunction("ws-1", "fn-1", {})).toMatchObject({ status: 401 });
  });

  it("a disabled function is refused before anything runs", async () => {
    server.setRoute("GET", FN_PATH, fault.json(200, { ...storedFn, status: "disabled" }));
    const { invokeFunction } = await import("@/server/dal/invoke");
    expect(await apiFailure(invokeFunction("ws-1", "fn-1", {}))).toMatchObject({
      status: 409,
      code: "FUNCTION_DISABLED",
    });
    expect(sent("POST", INVOKE)).toHaveLength(0);
  });

  it("the caller's abort ends the backend call", async () => {
    server.setRoute("POST", INVOKE, fault.delay(5_000));
    const { invokeFunction } = await import("@/server/dal/invoke");
    const controller = new AbortController();
    const run = invokeFunction("ws-1", "fn-1", {}, { signal: controller.signal }).catch((e: unknown) => e);
    await expect.poll(() => sent("POST", INVOKE).length).toBe(1);
    controller.abort();
    expect(await run).toMatchObject({ name: "AbortError" });
  });
});

describe("invocationUrl is not a request-forgery tool", () => {
  const INVOKE = `${FN_PATH}/invoke`;
  const refusal = async (promise: Promise<unknown>) => {
    const err = (await promise.then(
      () => null,
      (e: unknown) => e,
    )) as { name: string; field?: string };
    expect(err).toMatchObject({ name: "RequestValidationError", field: "invocationUrl" });
  };

  it("a stored URL pointing at the backend's own API is refused before the invoke is sent", async () => {
    server.setRoute("GET", FN_PATH, fault.json(200, { ...storedFn, invocationUrl: `${server.url}/api/workspaces` }));
    server.setRoute("POST", INVOKE, fault.json(200, { created: "ws-evil" }));
    const { invokeFunction } = await import("@/server/dal/invoke");
    await refusal(invokeFunction("ws-1", "fn-1", { name: "evil" }));
    expect(sent("POST", INVOKE)).toHaveLength(0);
  });

  it.each([
    ["update", "http://169.254.169.254/latest/meta-data/"],
    ["create", "file:///etc/passwd"],
  ])("%s with %s is a 400 on invocationUrl and never reaches the backend", async (op, url) => {
    server.setRoute("PATCH", FN_PATH, fault.json(200, storedFn));
    server.setRoute("POST", "/api/workspaces/ws-1/functions", fault.json(201, storedFn));
    const dal = await import("@/server/dal/functions");
    if (op === "update") await refusal(dal.updateFunction("ws-1", "fn-1", { invocationUrl: url }));
    else
      await refusal(
        dal.createFunction("ws-1", {
          name: "f",
          runtime: "Python 3.12",
          memory: 128,
          timeout: 3,
          httpMethods: ["POST"],
          environmentVariables: {},
          code: "",
          invocationUrl: url,
        }),
      );
    expect(server.arrivals).toEqual([]);
  });
});

describe("registry credentials stay on the server", () => {
  it("push: injected for a configured registry", async () => {
    server.setRoute("POST", "/api/v1/push", fault.json(200, started));
    const { startPush } = await import("@/server/dal/builds");
    expect(
      await startPush({ registry_url: "registry.example.com/team/app", tag: "v1", workspace_id: "ws-1" }),
    ).toMatchObject({ task_id: "task-1" });
    expect(JSON.parse(sent("POST", "/api/v1/push")[0]!.body)).toEqual({
      registry_url: "registry.example.com/team/app",
      tag: "v1",
      workspace_id: "ws-1",
      username: "ci",
      password: REGISTRY_PASSWORD,
    });
  });

  it("push: an unknown registry is a 400 on registry_url and never reaches the backend", async () => {
    const { startPush } = await import("@/server/dal/builds");
    await expect(
      startPush({ registry_url: "evil.example.com/app", tag: "v1", workspace_id: "ws-1" }),
    ).rejects.toMatchObject({
      field: "registry_url",
    });
    expect(sent("POST", "/api/v1/push")).toHaveLength(0);
  });

  it("build-and-push: the upload reaches the backend with credentials added", async () => {
    server.setRoute("POST", "/api/v1/build-and-push", fault.json(202, started));
    const { startBuildAndPush } = await import("@/server/dal/builds");
    const fd = new FormData();
    fd.append("registry_url", "registry.example.com/team/app");
    fd.append("file", new File(["print('안녕')\n"], "main.py"));
    const request = new Request("http://127.0.0.1:3000/api/v1/build-and-push", { method: "POST", body: fd });
    const { runWithRequestContext } = await import("@/server/context/request-context");
    expect(await runWithRequestContext("req-upload-1", () => startBuildAndPush(request))).toEqual({
      ...started,
      source_s3_path: null,
    });

    const got = sent("POST", "/api/v1/build-and-push")[0]!;
    expect(got.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(got.headers["x-request-id"]).toBe("req-upload-1");
    expect(got.body).toContain("print('안녕')");
    expect(got.body).toContain(REGISTRY_PASSWORD);
    expect(got.body).toMatch(/name="tag"\r\n\r\nsha256\r\n/);
  });

  it.each([
    [
      "a browser-sent password after the file",
      [
        ["registry_url", "registry.example.com/team/app"],
        ["file", "main.py"],
        ["password", "browser-pass"],
      ],
      400,
    ],
    [
      "a field sent twice after the file",
      [
        ["registry_url", "registry.example.com/team/app"],
        ["file", "main.py"],
        ["registry_url", "registry.example.com/team/x"],
      ],
      400,
    ],
    [
      "a field after the file",
      [
        ["registry_url", "registry.example.com/team/app"],
        ["file", "main.py"],
        ["tag", "v2"],
      ],
      400,
    ],
    [
      "a registry_url escaping its repository",
      [
        ["registry_url", "registry.example.com/team/../other"],
        ["file", "main.py"],
      ],
      400,
    ],
    [
      "a file over UPLOAD_MAX_MB",
      [
        ["registry_url", "registry.example.com/team/app"],
        ["file", "big.py"],
      ],
      413,
    ],
  ] as const)("build-and-push refused for %s: the backend sees no request at all", async (_name, parts, status) => {
    server.setRoute("POST", "/api/v1/build-and-push", fault.json(202, started));
    const { startBuildAndPush } = await import("@/server/dal/builds");
    const fd = new FormData();
    for (const [k, v] of parts) {
      if (k === "file")
        fd.append("file", new File([v === "big.py" ? new Uint8Array(1024 * 1024 + 10).fill(0x61) : "print(1)\n"], v));
      else fd.append(k, v);
    }
    const request = new Request("http://127.0.0.1:3000/api/v1/build-and-push", { method: "POST", body: fd });
    const err = (await startBuildAndPush(request).then(
      () => null,
      (e: unknown) => e,
    )) as { name: string; status?: number };
    expect(err?.name === "RequestValidationError" ? 400 : err?.status).toBe(status);
    // Give a forwarded request every chance to arrive: a later, allowed call must be seen first.
    server.setRoute(
      "GET",
      "/api/v1/tasks/task-1",
      fault.json(200, { task_id: "task-1", status: "pending", result: null, error: null }),
    );
    const { getTaskStatus } = await import("@/server/dal/tasks");
    await getTaskStatus("task-1");
    expect(server.arrivals).toEqual(["GET /api/v1/tasks/task-1"]);
  });

  it("task errors quoting a password come back redacted", async () => {
    server.setRoute(
      "GET",
      "/api/v1/tasks/task-1",
      fault.json(200, {
        task_id: "task-1",
        status: "failed",
        result: null,
        error: `docker login -p ${REGISTRY_PASSWORD} failed`,
        password: "x",
      }),
    );
    const { getTaskStatus } = await import("@/server/dal/tasks");
    expect(await getTaskStatus("task-1")).toEqual({
      task_id: "task-1",
      status: "failed",
      result: null,
      error: "docker login -p [redacted] failed",
    });
  });
});

describe("metrics", () => {
  it("raw series for developers only", async () => {
    const metrics = {
      status: "success",
      function_id: "fn-1",
      data: {
        cpu_total: 0.1,
        cpu_series: [],
        window_seconds: 3600,
        instant_query: "a",
        range_query: "b",
        raw_instant: { x: 1 },
      },
    };
    server.setRoute("GET", "/api/functions/fn-1/metrics", fault.json(200, metrics));
    const { getMetrics } = await import("@/server/dal/logs");
    expect((await getMetrics("fn-1")).data.raw_instant).toEqual({ x: 1 });
    session.roles = ["viewer"];
    expect((await getMetrics("fn-1")).data).not.toHaveProperty("raw_instant");
  });
});

describe("scaffold", () => {
  it.each([
    ["a text body", fault.text(200, "kind: SpinApp\n", "application/yaml")],
    ["a JSON object", fault.json(200, { yaml: "kind: SpinApp\n" })],
    ["a JSON string", fault.json(200, "kind: SpinApp\n")],
  ])("accepts %s", async (_n, behavior) => {
    server.setRoute("POST", "/api/v1/scaffold", behavior);
    const { scaffoldSpinApp } = await import("@/server/dal/deploy");
    expect(await scaffoldSpinApp({ image_ref: "r/x:v1", replicas: 1 })).toEqual({ yaml: "kind: SpinApp\n" });
  });
});

describe("server actions", () => {
  it("a backend's 400 naming a field comes back as that field's error, not a form-level message", async () => {
    server.setRoute(
      "POST",
      "/api/workspaces/ws-1/functions",
      fault.json(400, {
        error: { code: "VALIDATION_ERROR", message: "HEAD is not routable", details: { field: "httpMethods" } },
      }),
    );
    const { withAction } = await import("@/server/actions/with-action");
    const { createFunction } = await import("@/server/dal/functions");
    const { createFunctionInput } = await import("@/server/actions/schemas");
    const run = withAction("function.create", createFunctionInput, ({ workspaceId, ...input }) =>
      createFunction(workspaceId, input),
    );
    const result = await run({ workspaceId: "ws-1", name: "f", httpMethods: ["GET"], code: "cHJpbnQoMSk=" });
    expect(result).toMatchObject({
      ok: false,
      error: {
        status: 400,
        code: "VALIDATION_ERROR",
        details: { field: "httpMethods" },
        fieldErrors: { httpMethods: ["HEAD is not routable"] },
      },
    });
    expect(session.audits).toContainEqual(expect.objectContaining({ result: "refused", code: "VALIDATION_ERROR" }));
  });
});
