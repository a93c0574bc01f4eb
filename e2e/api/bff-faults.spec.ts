import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { fault, startFaultServer, type Behavior, type FaultServer } from "../../tests/support/fault-server";
import { startConsole, type ConsoleServer } from "../support/console-server";
import { sessionCookie } from "../support/session-cookie";

/*
 * The built console against a backend that misbehaves on purpose (a fault-injecting HTTP server on
 * loopback): every failure must come back in the envelope with the right status, and a configured
 * registry password must never appear in any answer, page, RSC payload or log line.
 */

const PASSWORD = `Reg1stry-${randomBytes(9).toString("base64url")}`;
const SECRET = randomBytes(32).toString("base64url");
const WS = {
  id: "ws-1",
  name: "Team",
  createdAt: "2025-12-07T12:00:00+09:00",
  functionCount: 0,
  invocations24h: 0,
  errorRate: 0,
};
const KST = "2025-12-07T12:00:00+09:00";

let backend: FaultServer;
let app: ConsoleServer;
let cookie: string;

test.describe.configure({ mode: "serial" });
test.skip(!!process.env.E2E_BASE_URL, "starts its own console from the local build");

test.beforeAll(async () => {
  backend = await startFaultServer();
  app = await startConsole({
    BACKEND_URL: backend.url,
    BACKEND_TIMEOUT_MS: "1500",
    NEXTAUTH_SECRET: SECRET,
    OIDC_ISSUER: "http://127.0.0.1:9/",
    OIDC_CLIENT_ID: "test",
    OIDC_CLIENT_SECRET: "test-client-secret",
    REGISTRY_CREDENTIALS: JSON.stringify([{ url: "registry.test/team", username: "AWS", password: PASSWORD }]),
    LOG_LEVEL: "debug",
  });
  cookie = await sessionCookie(SECRET, "admin");
});
test.afterAll(async () => {
  await app?.close();
  await backend?.close();
});
test.beforeEach(() => backend.reset());

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(app.url + path, {
    method,
    headers: {
      cookie,
      origin: app.url,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const headerText = [...res.headers.entries()].map(([k, v]) => `${k}: ${v}`).join("\n");
  expect(text + headerText, "a registry password reached the browser").not.toContain(PASSWORD);
  return { status: res.status, text, json: () => JSON.parse(text), requestId: res.headers.get("x-request-id") };
}

type Case = {
  name: string;
  method: string;
  path: string;
  upstream: string;
  behavior: Behavior;
  body?: unknown;
  status: number;
  code?: string;
};
const cases: Case[] = [
  {
    name: "backend down (connection reset)",
    method: "POST",
    path: "/api/workspaces",
    upstream: "/api/workspaces",
    body: { name: "x" },
    behavior: fault.reset(),
    status: 503,
    code: "UPSTREAM_UNAVAILABLE",
  },
  {
    name: "backend slower than the timeout",
    method: "GET",
    path: "/api/workspaces",
    upstream: "/api/workspaces",
    behavior: fault.delay(4_000, fault.json(200, [WS])),
    status: 504,
    code: "UPSTREAM_TIMEOUT",
  },
  {
    name: "reset once: the GET is retried",
    method: "GET",
    path: "/api/workspaces",
    upstream: "/api/workspaces",
    behavior: fault.resetOnce(fault.json(200, [WS])),
    status: 200,
  },
  {
    name: "plain-text 500",
    method: "GET",
    path: "/api/workspaces",
    upstream: "/api/workspaces",
    behavior: fault.text(500, "Traceback (most recent call last): boom"),
    status: 500,
    code: "INTERNAL_ERROR",
  },
  {
    name: "HTML 502 from a proxy",
    method: "GET",
    path: "/api/workspaces",
    upstream: "/api/workspaces",
    behavior: fault.text(502, "<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html"),
    status: 502,
  },
  {
    name: "garbage JSON",
    method: "GET",
    path: "/api/workspaces",
    upstream: "/api/workspaces",
    behavior: fault.garbage(),
    status: 502,
    code: "UPSTREAM_CONTRACT_ERROR",
  },
  {
    name: "JSON that breaks the contract",
    method: "GET",
    path: "/api/workspaces",
    upstream: "/api/workspaces",
    behavior: fault.json(200, [{ id: "ws-1", name: "x" }]),
    status: 502,
    code: "UPSTREAM_CONTRACT_ERROR",
  },
  {
    name: "FastAPI detail string",
    method: "GET",
    path: "/api/workspaces/ws-9",
    upstream: "/api/workspaces/ws-9",
    behavior: fault.json(404, { detail: "Not Found" }),
    status: 404,
    code: "NOT_FOUND",
  },
  {
    name: "a backend 401 with a service credential is ours, not the user's",
    method: "GET",
    path: "/api/workspaces",
    upstream: "/api/workspaces",
    behavior: fault.json(401, { detail: "Invalid token" }),
    status: 502,
    code: "UPSTREAM_AUTH_ERROR",
  },
  {
    name: "backend error envelope quoting the password",
    method: "POST",
    path: "/api/v1/push",
    upstream: "/api/v1/push",
    body: { registry_url: "registry.test/team/app", tag: "v1" },
    behavior: fault.json(500, {
      error: {
        code: "PUSH_ERROR",
        message: `push failed: docker login -u AWS -p ${PASSWORD} registry.test`,
        details: { password: PASSWORD, command: `login -p ${PASSWORD}` },
      },
    }),
    status: 500,
    code: "PUSH_ERROR",
  },
];

for (const c of cases) {
  test(`${c.name} → ${c.status}${c.code ? ` ${c.code}` : ""}`, async () => {
    backend.setRoute(c.method, c.upstream, c.behavior);
    const res = await call(c.method, c.path, c.body);
    expect(res.status).toBe(c.status);
    if (c.status >= 400) {
      const body = res.json();
      expect(body.error.code).toBe(c.code ?? body.error.code);
      expect(typeof body.error.message).toBe("string");
      expect(body.error.requestId).toBe(res.requestId);
      expect(res.text).not.toMatch(/<html|Traceback/i);
    }
  });
}

test("FastAPI's 422 list becomes VALIDATION_ERROR naming the field", async () => {
  backend.setRoute(
    "POST",
    "/api/workspaces",
    fault.json(422, { detail: [{ loc: ["body", "name"], msg: "field required", type: "value_error.missing" }] }),
  );
  const res = await call("POST", "/api/workspaces", { name: "valid here" });
  expect(res.json().error).toMatchObject({ code: "VALIDATION_ERROR", details: { field: "name" } });
});

test("a Builder error quoting the password is redacted in the task", async () => {
  backend.setRoute(
    "GET",
    "/api/v1/tasks/t-1",
    fault.json(200, {
      task_id: "t-1",
      status: "failed",
      result: null,
      error: `docker login -u AWS -p ${PASSWORD} registry.test: denied`,
    }),
  );
  const res = await call("GET", "/api/v1/tasks/t-1");
  expect(res.status).toBe(200);
  expect(res.json().error).toContain("[redacted]");
});

test("a task payload smuggling a password field loses it", async () => {
  backend.setRoute(
    "GET",
    "/api/v1/tasks/t-2",
    fault.json(200, {
      task_id: "t-2",
      status: "completed",
      result: { image_url: "registry.test/team/app:v1", password: PASSWORD, registry_password: PASSWORD },
      error: null,
      password: PASSWORD,
    }),
  );
  const res = await call("GET", "/api/v1/tasks/t-2");
  expect(res.json()).toEqual({
    task_id: "t-2",
    status: "completed",
    result: { wasm_path: null, image_url: "registry.test/team/app:v1", image_uri: null, file_path: null },
    error: null,
  });
});

test("push: the BFF injects the credentials upstream and the browser never sees them", async () => {
  backend.setRoute("POST", "/api/v1/push", fault.json(202, { task_id: "t-3", status: "pending", message: "queued" }));
  const res = await call("POST", "/api/v1/push", { registry_url: "registry.test/team/app", tag: "v1" });
  expect(res.status).toBe(202);
  const sent = JSON.parse(backend.requests.at(-1)!.body);
  expect(sent).toMatchObject({ registry_url: "registry.test/team/app", username: "AWS", password: PASSWORD });
});

test("push: credentials from the browser are refused and not echoed; unknown registries too", async () => {
  const sent = await call("POST", "/api/v1/push", {
    registry_url: "registry.test/team/app",
    username: "AWS",
    password: "browser-typed-secret",
  });
  expect(sent.status).toBe(400);
  expect(sent.text).not.toContain("browser-typed-secret");
  const other = await call("POST", "/api/v1/push", { registry_url: "evil.example/app" });
  expect(other.json().error).toMatchObject({ code: "VALIDATION_ERROR", details: { field: "registry_url" } });
  expect(backend.requests).toHaveLength(0);
});

test("pages and their RSC payloads carry no password when the backend quotes one", async () => {
  backend.setRoute("GET", "/api/workspaces", fault.json(200, [WS]));
  backend.setRoute(
    "GET",
    "/api/v1/workspaces/ws-1/tasks",
    fault.json(200, [
      {
        task_id: "t-4",
        status: "failed",
        app_name: "app",
        created_at: KST,
        updated_at: KST,
        error: `push: login -p ${PASSWORD} refused`,
        password: PASSWORD,
      },
    ]),
  );
  const html = await call("GET", "/builds?workspace=ws-1", undefined, { accept: "text/html" });
  expect(html.status).toBe(200);
  expect(html.text).toContain("t-4");
  const rsc = await call("GET", "/builds?workspace=ws-1", undefined, { rsc: "1" });
  expect(rsc.status).toBe(200);
});

test("no log line of the console contains the password", async () => {
  expect(app.output().length).toBeGreaterThan(0);
  expect(app.output()).toContain('"msg":"request"');
  expect(app.output()).not.toContain(PASSWORD);
  expect(app.output()).not.toContain("browser-typed-secret");
});
