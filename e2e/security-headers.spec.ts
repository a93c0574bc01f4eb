import { expectPageHeaders, watchViolations } from "./support/csp";
import { monacoInput } from "./support/page";
import { createMarkedFunction, invoke, type MarkedFunction } from "./support/observability";
import { credentials, storageStateFor } from "./support/users";
import { expect, test } from "./support/fixtures";

/*
 * Issue 11, point 9: every page carries a nonce-based Content-Security-Policy and the other security
 * headers, and nothing on any page breaks it: Monaco (its workers and inline styles), the CPU chart and
 * next-auth's flow run with no `securitypolicyviolation` event. Every console page, as every role and
 * in both languages and themes, is checked by the accessibility walk (accessibility.spec.ts), which
 * loads each of them anyway; this file covers what that walk does not: Monaco's lazy parts, the
 * sign-in flow through the IdP, and the API's own policy.
 */

let fn: MarkedFunction;

test.beforeAll(async ({ specWorkspaces, developerApi: api }, testInfo) => {
  fn = await createMarkedFunction(api, (await specWorkspaces.of(testInfo)).id, "e2e-csp");
  // The Metrics tab's chart draws what an invocation left.
  await invoke(api, fn, "csp");
});

test.describe("signed in as a developer", () => {
  test.use({ storageState: storageStateFor("developer") });

  test("the code editor (Monaco, its workers, inline styles and lazy chunks) and the CPU chart load under the CSP with no violation", async ({
    page,
  }) => {
    const violations = await watchViolations(page);
    expectPageHeaders(await page.goto(`${fn.basePath}/code`));
    await monacoInput(page);
    await page.waitForLoadState("networkidle");
    expect(await violations(), "on the Code tab").toEqual([]);
    expectPageHeaders(await page.goto(`${fn.basePath}/metrics`));
    await expect(page.getByRole("img", { name: /CPU usage over the last 60 minutes/ })).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(await violations(), "on the Metrics tab").toEqual([]);
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
