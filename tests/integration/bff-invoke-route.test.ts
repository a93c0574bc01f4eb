import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type * as AuthErrors from "@/server/auth/errors";
import type * as Policy from "@/server/auth/policy";
import { fault, startFaultServer, type FaultServer } from "../support/fault-server";

/*
 * The invoke route handler against a real HTTP backend double that is not the embedded backend: what
 * the browser receives for each answer the spec allows ("the response body is the function's own
 * response, passed through unchanged"; "504 on timeout, 503 on a network error, 500 otherwise"), and
 * what the audit and log lines say. The session is stubbed; the HTTP authz matrix runs on the build.
 */

const state = vi.hoisted(() => ({
  audits: [] as Array<Record<string, unknown>>,
  logs: [] as Array<{ level: string; line: Record<string, unknown> }>,
}));

vi.mock("@/server/auth/session", async () => {
  const { can } = await vi.importActual<typeof Policy>("@/server/auth/policy");
  const { AuthError } = await vi.importActual<typeof AuthErrors>("@/server/auth/errors");
  return {
    requireUser: async (action?: Parameters<typeof can>[1]) => {
      if (action && !can(["developer"], action)) throw new AuthError("FORBIDDEN");
      return {
        id: "u1",
        name: "Dev",
        email: "dev@example.com",
        roles: ["developer"],
        expiresAt: new Date(Date.now() + 3600_000),
      };
    },
  };
});
vi.mock("@/server/auth/upstream-identity", () => ({ upstreamIdentityHeaders: async () => ({}) }));
vi.mock("@/server/audit", async (importActual) => ({
  ...(await importActual<object>()),
  audit: (entry: Record<string, unknown>) => state.audits.push(entry),
}));
vi.mock("@/server/log/logger", () => {
  const record = (level: string) => (line: Record<string, unknown>) => void state.logs.push({ level, line });
  return { logger: { debug: record("debug"), info: record("info"), warn: record("warn"), error: record("error") } };
});

const FN_PATH = "/api/workspaces/ws-1/functions/fn-1";
const INVOKE = `${FN_PATH}/invoke`;
const fn = {
  id: "fn-1",
  workspaceId: "ws-1",
  name: "orders",
  runtime: "Python 3.12",
  memory: 128,
  timeout: 2,
  httpMethods: ["POST"],
  environmentVariables: {},
  code: "cHJpbnQoMSk=",
  status: "active",
  lastModified: "2025-12-07T12:00:00+09:00",
  invocations24h: 0,
  errors24h: 0,
  avgDuration: 0,
};

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => {
  vi.resetModules();
  vi.stubEnv("BACKEND_URL", server.url);
  vi.stubEnv("BACKEND_AUTH", "service");
  vi.stubEnv("NEXTAUTH_URL", "http://console.test");
  state.audits.length = 0;
  state.logs.length = 0;
  server.reset();
  server.setRoute("GET", FN_PATH, fault.json(200, fn));
});
afterEach(() => vi.unstubAllEnvs());

async function invoke(payload: unknown) {
  const { POST } = await import("@/app/api/workspaces/[workspaceId]/functions/[functionId]/invoke/route");
  const request = new Request(`http://console.test${INVOKE}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: "http://console.test", "x-request-id": "req-12345678" },
    body: JSON.stringify(payload),
  });
  const res = await POST(request, { params: Promise.resolve({ workspaceId: "ws-1", functionId: "fn-1" }) });
  return { res, text: await res.text() };
}

describe("the function's answer is the function's", () => {
  it.each([
    [422, { error: { code: "VALIDATION_ERROR", message: "qty must be positive", details: { field: "qty" } } }],
    [401, { error: { code: "UNAUTHENTICATED", message: "the function wants its own token" } }],
    [404, { detail: "no such order" }],
    [502, { error: { code: "BAD_GATEWAY", message: "the function's own dependency failed" } }],
    [200, { ok: true, 이름: "은하" }],
  ])("%i passes through byte for byte, marked, with no request id added, audited as ok", async (status, body) => {
    server.setRoute("POST", INVOKE, fault.json(status, body));
    const { res, text } = await invoke({ qty: -1 });
    expect(res.status).toBe(status);
    expect(res.headers.get("x-eunha-answer")).toBe("function");
    expect(text).toBe(JSON.stringify(body));
    expect(state.audits).toEqual([expect.objectContaining({ action: "function.invoke", result: "ok", status })]);
    // A function's 401 is never "the backend refused the console's credential".
    expect(state.logs.filter((l) => l.level === "error")).toEqual([]);
  });

  it("a plain-text 500 of the function is its answer too", async () => {
    server.setRoute("POST", INVOKE, fault.text(500, "Traceback: ZeroDivisionError"));
    const { res, text } = await invoke({});
    expect(res.status).toBe(500);
    expect(res.headers.get("x-eunha-answer")).toBe("function");
    expect(text).toBe("Traceback: ZeroDivisionError");
  });
});

describe("the platform's failures keep their status and the backend's code", () => {
  it.each([
    [504, "FUNCTION_TIMED_OUT"],
    [503, "FUNCTION_UNREACHABLE"],
    [500, "INVOKE_FAILED"],
  ])("%i %s", async (status, code) => {
    server.setRoute("POST", INVOKE, fault.json(status, { error: { code, message: "from the backend" } }));
    const { res, text } = await invoke({});
    expect(res.status).toBe(status);
    expect(res.headers.get("x-eunha-answer")).toBeNull();
    expect(JSON.parse(text)).toEqual({ error: { code, message: "from the backend", requestId: "req-12345678" } });
    expect(state.audits).toEqual([expect.objectContaining({ result: "failed", code, status })]);
    expect(state.logs).toContainEqual({ level: "warn", line: expect.objectContaining({ status, code }) });
  });
});
