import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

/*
 * Issue 11, point 5: an invocationUrl is not a request-forgery tool. The backend POSTs invokes to it and
 * the console relays the answer, so it may not point at the platform's own services or private ranges.
 */

async function load(extra: Record<string, string> = {}) {
  vi.resetModules();
  vi.stubEnv("BACKEND_URL", "http://10.0.0.5:8000");
  vi.stubEnv("OIDC_ISSUER", "https://sso.corp.example/realms/eunha");
  vi.stubEnv("NEXTAUTH_URL", "https://console.corp.example");
  for (const [k, v] of Object.entries(extra)) vi.stubEnv(k, v);
  return import("@/server/invocation/invocation-url");
}

beforeEach(() => vi.unstubAllEnvs());
afterEach(() => vi.unstubAllEnvs());

describe("invocationUrl policy", () => {
  it.each([
    ["file:///etc/passwd", /http/],
    ["gopher://fn.example/", /http/],
    ["ftp://fn.example/run", /http/],
    ["http://user:pw@fn.example/run", /user name/],
    ["http://127.0.0.1:8000/api/workspaces", /loopback/],
    ["127.0.0.1:8000/api/workspaces", /loopback/],
    ["http://127.1/", /loopback/],
    ["http://2130706433/", /loopback/],
    ["http://0x7f000001/", /loopback/],
    ["http://0.0.0.0:8000/", /loopback/],
    ["http://[::1]:8000/", /loopback/],
    ["http://[::ffff:127.0.0.1]/", /loopback/],
    ["http://169.254.169.254/latest/meta-data/", /link-local/],
    ["http://[fe80::1]/", /loopback/],
    ["http://10.1.2.3/run", /private/],
    ["http://172.16.0.1/run", /private/],
    ["http://192.168.1.1/run", /private/],
    ["http://[fd00::1]/run", /private/],
    ["http://localhost:9000/", /localhost/],
    ["http://api.localhost/", /localhost/],
    ["https://sso.corp.example/realms/eunha/protocol/openid-connect/token", /identity provider/],
    ["https://console.corp.example/api/workspaces", /console/],
  ])("refuses %s", async (url, message) => {
    const { invocationUrlProblem } = await load();
    expect(invocationUrlProblem(url)).toMatch(message);
  });

  it.each(["https://fn.prod.example/run", "fn.prod.example/run", "http://203.0.113.7:8080/x"])(
    "accepts %s",
    async (url) => {
      const { invocationUrlProblem } = await load();
      expect(invocationUrlProblem(url)).toBeNull();
    },
  );

  it("refuses the backend's own host on any port", async () => {
    const { invocationUrlProblem } = await load({ BACKEND_URL: "https://eunha-api.corp.example" });
    expect(invocationUrlProblem("https://eunha-api.corp.example/api/workspaces")).toMatch(/backend/);
    expect(invocationUrlProblem("http://eunha-api.corp.example:8080/")).toMatch(/backend/);
  });

  it("INVOCATION_URL_ALLOW allows scheme, host, port and path prefix exactly: a function host, never the API beside it", async () => {
    const { invocationUrlProblem } = await load({
      BACKEND_URL: "http://127.0.0.1:8001",
      INVOCATION_URL_ALLOW: "http://127.0.0.1:8001/fn/",
    });
    expect(invocationUrlProblem("http://127.0.0.1:8001/fn/fn-123")).toBeNull();
    expect(invocationUrlProblem("http://127.0.0.1:8001/fn/fn-123/deeper?x=1")).toBeNull();
    expect(invocationUrlProblem("127.0.0.1:8001/fn/fn-123")).toBeNull();
    expect(invocationUrlProblem("http://127.0.0.1:8001/fn")).toBeNull();
    expect(invocationUrlProblem("http://127.0.0.1:8001/api/workspaces")).not.toBeNull();
    expect(invocationUrlProblem("http://127.0.0.1:8001/fnx/1")).not.toBeNull();
    expect(invocationUrlProblem("http://127.0.0.1:8001/fn/../api/workspaces")).not.toBeNull();
    expect(invocationUrlProblem("http://127.0.0.1:8001/fn/%2e%2e/api/workspaces")).not.toBeNull();
    expect(invocationUrlProblem("https://127.0.0.1:8001/fn/fn-1")).not.toBeNull();
    expect(invocationUrlProblem("http://127.0.0.1:8002/fn/fn-1")).not.toBeNull();
    expect(invocationUrlProblem("http://127.0.0.1/fn/fn-1")).not.toBeNull();
  });

  it("a bad INVOCATION_URL_ALLOW stops the console at start-up", async () => {
    const { parseEnv } = await import("@/server/env");
    expect(() => parseEnv({ INVOCATION_URL_ALLOW: "javascript:alert(1)" })).toThrow(/INVOCATION_URL_ALLOW/);
  });
});
