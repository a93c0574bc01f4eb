import { type Page } from "@playwright/test";
import { functionPath } from "./support/api";
import { expect, test } from "./support/fixtures";
import { signInThroughIdp } from "./support/sign-in";
import { credentials, storageStateFor } from "./support/users";

test("a page asked for without a session goes through SSO and comes back to the same page", async ({ page }) => {
  await page.goto("/builds?workspace=none");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fbuilds%3Fworkspace%3Dnone/);
  await page.getByRole("button", { name: "Sign in with SSO" }).click();
  await expect(page.getByText(/embedded development IdP/i).first()).toBeVisible();
  const { username, password } = credentials("developer");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/builds\?workspace=none$/);
  await expect(page.getByRole("heading", { level: 1, name: "Builds" })).toBeVisible();
});

test("a wrong password is refused at the IdP and nothing is signed in", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with SSO" }).click();
  await page.getByLabel("Username").fill("developer");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  const session = await page.request.get("/api/auth/session");
  expect(await session.json()).toEqual({});
});

test("the no-access page speaks to who opened it: a signed-out visitor, a user without a role, a user with one", async ({
  browser,
  page,
}) => {
  await page.goto("/no-access");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in to use Eunha Console" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("You signed in")).toHaveCount(0);

  // Where sign-in sends an account whose groups map to no role (no session is created for it).
  await page.goto("/no-access?reason=no-role");
  await expect(page.getByRole("heading", { level: 1, name: "You don't have access to Eunha Console" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with a different account" })).toBeVisible();

  const context = await browser.newContext({ storageState: storageStateFor("manager") });
  const signedIn = await context.newPage();
  await signedIn.goto("/no-access?reason=no-role");
  await expect(signedIn.getByRole("heading", { level: 1, name: "You have access to Eunha Console" })).toBeVisible();
  await expect(signedIn.getByText("with the Viewer role")).toBeVisible();
  await signedIn.getByRole("link", { name: "Go to the console" }).click();
  await expect(signedIn).toHaveURL(/\/$/);
  await context.close();
});

test.describe("signed in", () => {
  for (const [role, label] of [
    ["developer", "Developer"],
    ["manager", "Viewer"],
    ["admin", "Admin"],
  ] as const) {
    test(`${role} sees their name and role, and the browser's session holds nothing else`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageStateFor(role) });
      const page = await context.newPage();
      await page.goto("/");
      await expect(page.getByRole("button", { name: /Account menu for/ })).toContainText(label);
      const session = await (await page.request.get("/api/auth/session")).json();
      expect(Object.keys(session).sort()).toEqual(["expires", "user"]);
      expect(Object.keys(session.user).sort()).toEqual(["email", "name", "roles"]);
      expect(JSON.stringify(session)).not.toMatch(/token|groups|eunha-/i);
      const cookies = await context.cookies();
      const sessionCookie = cookies.find((c) => c.name.includes("session-token"));
      expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
      await context.close();
    });
  }

  test("sign out ends the session and the next sign-in asks for a password again", async ({ page }) => {
    await signInThroughIdp(page, "developer", "/workspaces");
    await page.getByRole("button", { name: /Account menu for/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByRole("status")).toContainText("You have signed out.");
    await page.goto("/workspaces");
    await expect(page).toHaveURL(/\/signin/);
    await page.getByRole("button", { name: "Sign in with SSO" }).click();
    await expect(page.getByLabel("Password")).toBeVisible();
  });

  test("after sign-out the old session cookie opens nothing, anywhere", async ({ page, browser }) => {
    await signInThroughIdp(page, "developer", "/workspaces");
    const stolen = (await page.context().cookies()).filter((c) => c.name.includes("session-token"));
    expect(stolen).not.toHaveLength(0);
    await page.getByRole("button", { name: /Account menu for/ }).click();
    await page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);

    // Someone who copied the cookie before sign-out replays it from another browser.
    const other = await browser.newContext();
    await other.addCookies(stolen);
    const api = await other.request.get("/api/workspaces");
    expect(api.status()).toBe(401);
    expect((await api.json()).error.code).toBe("UNAUTHENTICATED");
    const session = await other.request.get("/api/auth/session");
    expect(await session.json()).toEqual({});
    const otherPage = await other.newPage();
    await otherPage.goto("/workspaces");
    await expect(otherPage).toHaveURL(/\/signin/);
    await other.close();
  });

  /**
   * Ends the session as the server would see it. next-auth re-issues the session cookie on every
   * session read, so a read still in flight would put the cookie back: let the page settle, answer
   * session reads as the server does once a session has ended, then drop the cookies.
   */
  async function endSession(page: Page): Promise<void> {
    await page.route("**/api/auth/session", (route) => route.fulfill({ json: {} }));
    await page.waitForLoadState("networkidle");
    await page.context().clearCookies();
  }

  async function signBackIn(page: Page): Promise<void> {
    await page.unroute("**/api/auth/session");
    await page.getByRole("button", { name: "Sign in with SSO" }).click();
    const { username, password } = credentials("developer");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  test("a session that ends under a polling page leads to sign-in and back to that page", async ({
    page,
    newFunction,
  }) => {
    await signInThroughIdp(page, "developer", "/workspaces");
    const logs = `${functionPath(await newFunction("e2e-auth-poll"), "logs")}?view=live`;
    await page.goto(logs);
    await expect(page.getByRole("tab", { name: "Live", selected: true })).toBeVisible();
    await endSession(page);
    // The Live tail polls every few seconds: its next poll meets the ended session.
    await expect(page).toHaveURL(/\/signin\?reason=ended/, { timeout: 20_000 });
    await expect(page.getByRole("status")).toContainText("Your session has ended");
    await signBackIn(page);
    await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === logs);
  });

  test("a server action after the session ended leads to sign-in and back to the same page", async ({
    page,
    newFunction,
  }) => {
    await signInThroughIdp(page, "developer", "/workspaces");
    const settings = functionPath(await newFunction("e2e-auth-action"), "settings");
    await page.goto(settings);
    await page.getByLabel("Description").fill(`edited after the session ended ${Date.now()}`);
    await endSession(page);
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page).toHaveURL(/\/signin\?reason=ended/);
    await signBackIn(page);
    await expect(page).toHaveURL((url) => url.pathname === settings);
  });
});
