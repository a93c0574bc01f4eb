import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { fault, startFaultServer, type Behavior, type FaultServer } from "../tests/support/fault-server";
import { startConsole, type ConsoleServer } from "./support/console-server";
import { monacoInput } from "./support/page";
import { sessionCookie } from "./support/session-cookie";

/*
 * The Test tab in front of a backend that is not the embedded one (a fault-injecting HTTP server
 * speaking the spec): it shows the real status and meaning of each answer the spec allows on invoke
 * ("the response body is the function's own response, passed through unchanged"; "504 on timeout,
 * 503 on a network error, 500 otherwise"), and leaving the tab cancels the run.
 */

const SECRET = randomBytes(32).toString("base64url");
const KST = "2025-12-07T12:00:00+09:00";
const WS = { id: "ws-1", name: "Team", createdAt: KST, functionCount: 1, invocations24h: 0, errorRate: 0 };
const FN = {
  id: "fn-1",
  workspaceId: "ws-1",
  name: "orders",
  runtime: "Python 3.12",
  memory: 128,
  timeout: 30,
  httpMethods: ["POST"],
  environmentVariables: {},
  code: Buffer.from("def handler(event):\n    return event\n").toString("base64"),
  invocationUrl: "https://fn.example/run",
  status: "active",
  lastModified: KST,
  lastDeployed: KST,
  invocations24h: 0,
  errors24h: 0,
  avgDuration: 0,
};
const INVOKE = "/api/workspaces/ws-1/functions/fn-1/invoke";

let backend: FaultServer;
let app: ConsoleServer;

test.describe.configure({ mode: "serial", timeout: 120_000 });
test.skip(!!process.env.E2E_BASE_URL, "starts its own console from the local build");

test.beforeAll(async () => {
  backend = await startFaultServer();
  app = await startConsole({
    BACKEND_URL: backend.url,
    NEXTAUTH_SECRET: SECRET,
    OIDC_ISSUER: "http://127.0.0.1:9/",
    OIDC_CLIENT_ID: "test",
    OIDC_CLIENT_SECRET: "test-client-secret",
    INVOKE_TIMEOUT_MARGIN_MS: "60000",
    LOG_LEVEL: "info",
  });
});
test.afterAll(async () => {
  await app?.close();
  await backend?.close();
});
test.beforeEach(async ({ context }) => {
  backend.reset();
  backend.setRoute("GET", "/api/workspaces", fault.json(200, [WS]));
  backend.setRoute("GET", "/api/workspaces/ws-1", fault.json(200, WS));
  backend.setRoute("GET", "/api/workspaces/ws-1/functions", fault.json(200, [FN]));
  backend.setRoute("GET", "/api/workspaces/ws-1/functions/fn-1", fault.json(200, FN));
  const [name, value] = (await sessionCookie(SECRET, "developer")).split(/=(.*)/s) as [string, string];
  await context.addCookies([{ name, value, url: app.url }]);
});

async function invokeWith(page: Page, answer: Behavior) {
  backend.setRoute("POST", INVOKE, answer);
  await page.goto(`${app.url}/workspaces/ws-1/functions/fn-1/test`);
  await monacoInput(page, page.getByTestId("payload-editor"));
  const answered = page.waitForResponse((r) => r.url().endsWith(INVOKE) && r.request().method() === "POST");
  await page.getByRole("button", { name: /^Invoke/ }).click();
  await answered;
}

const status = (page: Page) => page.getByTestId("invoke-status");
const meaning = (page: Page) => page.getByTestId("invoke-response").getByRole("note");

test("200: the function's answer, no alarm", async ({ page }) => {
  await invokeWith(page, fault.json(200, { ok: true, 이름: "은하" }));
  await expect(status(page)).toHaveText("200");
  await expect(page.getByTestId("invoke-body")).toContainText('"이름": "은하"');
  await expect(meaning(page)).toHaveCount(0);
});

test("the function's own envelope-shaped 422 is its answer, shown as it came", async ({ page }) => {
  const own = { error: { code: "VALIDATION_ERROR", message: "qty must be positive", details: { field: "qty" } } };
  await invokeWith(page, fault.json(422, own));
  await expect(status(page)).toHaveText("422");
  await expect(meaning(page)).toHaveText("The function refused the request (4xx): check the payload it expects.");
  await expect(page.getByTestId("invoke-body")).toContainText('"message": "qty must be positive"');
  await expect(page.getByTestId("invoke-body")).not.toContainText("requestId");
});

test("the function's own 401 is its answer: no sign-in, no credential alarm", async ({ page }) => {
  await invokeWith(
    page,
    fault.json(401, { error: { code: "UNAUTHENTICATED", message: "the function wants its own token" } }),
  );
  await expect(status(page)).toHaveText("401");
  await expect(page).toHaveURL(/\/functions\/fn-1\/test$/);
  expect(app.output()).not.toContain("refused the console's service credential");
});

test("the function's own plain-text 500 is a function error", async ({ page }) => {
  await invokeWith(page, fault.text(500, "Traceback (most recent call last): ZeroDivisionError"));
  await expect(status(page)).toHaveText("500");
  await expect(meaning(page)).toContainText("The function answered with a server error");
  await expect(page.getByTestId("invoke-body")).toContainText("ZeroDivisionError");
});

const platform: Array<[number, string, string]> = [
  [504, "GATEWAY_TIMEOUT", "The function ran past its timeout (30 s) and was stopped."],
  [503, "SERVICE_UNAVAILABLE", "The function could not be reached"],
  [500, "INVOKE_FAILED", "The platform failed while invoking the function"],
];
for (const [code, name, says] of platform) {
  test(`the platform's ${code} (${name}) means what the spec says, whatever the code is called`, async ({ page }) => {
    await invokeWith(page, fault.json(code, { error: { code: name, message: `backend says ${code}` } }));
    await expect(status(page)).toHaveText(`${code} ${name}`);
    await expect(meaning(page)).toContainText(says);
    await expect(page.getByTestId("invoke-response")).toContainText(`backend says ${code}`);
  });
}

test("leaving the Test tab mid-run cancels the backend call", async ({ page }) => {
  backend.setRoute("POST", INVOKE, fault.delay(90_000, fault.json(200, { late: true })));
  await page.goto(`${app.url}/workspaces/ws-1/functions/fn-1/test`);
  await monacoInput(page, page.getByTestId("payload-editor"));
  await page.getByRole("button", { name: /^Invoke/ }).click();
  await expect(page.getByText("Waiting for the function…")).toBeVisible();
  await expect.poll(() => backend.requests.filter((r) => r.method === "POST" && r.path === INVOKE).length).toBe(1);
  await page.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/functions\/fn-1\/settings$/);
  await expect.poll(() => app.output()).toContain("the client closed the request; the backend call was cancelled");
});
