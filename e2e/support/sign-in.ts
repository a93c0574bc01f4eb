import { expect, type Page } from "@playwright/test";
import { credentials, type DemoRole } from "./users";

/** The real redirect flow: the console's sign-in page → the IdP's login form → back to the console. */
export async function signInThroughIdp(page: Page, role: DemoRole, returnTo = "/"): Promise<void> {
  const { username, password } = credentials(role);
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  const consoleOrigin = new URL(page.url()).origin;
  await page
    .getByRole("button", { name: /sign in|로그인/i })
    .first()
    .click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => url.origin === consoleOrigin && !url.pathname.startsWith("/signin"), {
    timeout: 30_000,
  });
  await expect(page).toHaveURL((url) => url.pathname === returnTo.split("?")[0]);
}
