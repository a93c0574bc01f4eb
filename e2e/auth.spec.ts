import { expect, test } from "@playwright/test";
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

test.describe("signed in", () => {
  for (const [role, label] of [["developer", "Developer"], ["manager", "Viewer"], ["admin", "Admin"]] as const) {
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

  test("an ended session on the next navigation leads to sign-in and back, not a broken page", async ({ page, context }) => {
    await signInThroughIdp(page, "developer", "/workspaces");
    await context.clearCookies();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Builds" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.getByRole("button", { name: "Sign in with SSO" }).click();
    const { username, password } = credentials("developer");
    await page.getByLabel("Username").fill(username);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/builds/);
  });
});
