import { expect, test, type APIRequestContext, type Page, type Response } from "@playwright/test";
import { monacoInput } from "./support/function-fixture";
import { apiAs, createMarkedFunction, deleteFunction, invoke, type MarkedFunction } from "./support/observability";
import { credentials, storageStateFor } from "./support/users";

/*
 * Issue 11, point 9: every page carries a nonce-based Content-Security-Policy and the other security
 * headers, and nothing on any page breaks it: Monaco (its workers and inline styles), Chart.js and
 * next-auth's flow run with no `securitypolicyviolation` event.
 */

let api: APIRequestContext;
let fn: MarkedFunction;

test.beforeAll(async ({ playwright }) => {
  api = await apiAs(playwright, test.info().project.use.baseURL, storageStateFor("developer"));
  fn = await createMarkedFunction(api, "e2e-csp");
  await invoke(api, fn, "csp");
});

test.afterAll(async () => {
  await deleteFunction(api, fn);
  await api.dispose();
});

/** Records every CSP violation the page (and its workers) report, from before the first script runs. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations ?? [])),
    ...consoleErrors,
  ];
}

function expectPageHeaders(response: Response | null): void {
  expect(response).not.toBeNull();
  const h = response!.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  // WebAssembly may compile (Ruff in the editor); JavaScript's eval may not.
  expect(h["content-security-policy"]).toContain("'wasm-unsafe-eval'");
  expect(h["content-security-policy"]).not.toMatch(/\s'unsafe-eval'/);
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["x-frame-options"]).toBe("DENY");
}

test.describe("signed in as a developer", () => {
  test.use({ storageState: storageStateFor("developer") });

  test("every console page renders under the CSP with no violation, Monaco and Chart.js included", async ({ page }) => {
    // A dozen pages, Monaco among them: a minute is not enough on a loaded two-core runner.
    test.setTimeout(180_000);
    const violations = await watchViolations(page);
    const pages: Array<[string, (p: Page) => Promise<void>]> = [
      ["/", (p) => expect(p.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible()],
      ["/workspaces", (p) => expect(p.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible()],
      [`/workspaces/${fn.workspaceId}`, (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible()],
      ["/builds", (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible()],
      [`/workspaces/${fn.workspaceId}/logs`, (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible()],
      [`/workspaces/${fn.workspaceId}/builds`, (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible()],
      [
        `/workspaces/${fn.workspaceId}/functions/new`,
        (p) => expect(p.getByRole("heading", { level: 1 })).toBeVisible(),
      ],
      [fn.basePath, (p) => expect(p.getByRole("heading", { level: 1, name: fn.name })).toBeVisible()],
      [`${fn.basePath}/code`, async (p) => void (await monacoInput(p))],
      [`${fn.basePath}/test`, async (p) => void (await monacoInput(p, p.locator("body")))],
      [
        `${fn.basePath}/metrics`,
        (p) => expect(p.getByRole("img", { name: /CPU usage over the last 60 minutes/ })).toBeVisible(),
      ],
      [`${fn.basePath}/logs`, (p) => expect(p.getByTestId("execution-row").first()).toBeVisible()],
      [`${fn.basePath}/settings`, (p) => expect(p.getByRole("heading", { level: 1, name: fn.name })).toBeVisible()],
      [`${fn.basePath}/deploy`, (p) => expect(p.getByRole("heading", { level: 1, name: fn.name })).toBeVisible()],
    ];
    for (const [path, ready] of pages) {
      const response = await page.goto(path);
      expectPageHeaders(response);
      await ready(page);
      await page.waitForLoadState("networkidle");
      expect(await violations(), `CSP violations on ${path}`).toEqual([]);
    }
  });

  test("the code editor (Monaco, its inline styles and lazy chunks) loads under the CSP with no violation", async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    await page.goto(`${fn.basePath}/code`);
    await monacoInput(page);
    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
  });
});

test("sign-in through the IdP and sign-out raise no violation either", async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto("/signin");
  expectPageHeaders(response);
  await page.getByRole("button", { name: "Sign in with SSO" }).click();
  const { username, password } = credentials("developer");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  expect(await violations()).toEqual([]);
  await page.getByRole("button", { name: /Account menu for/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect(await violations()).toEqual([]);
  const noAccess = await page.goto("/no-access");
  expectPageHeaders(noAccess);
  expect(await violations()).toEqual([]);
});

test("API answers carry a deny-all policy", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.headers()["content-security-policy"]).toContain("default-src 'none'");
});
