import { expect, test } from "@playwright/test";
import { storageStateFor } from "./support/users";

test.use({ storageState: storageStateFor("developer") });

test("the shell renders in English with navigation and live data", async ({ page }) => {
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Dashboard", "Workspaces", "Builds"]) await expect(nav.getByRole("link", { name })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Workspaces", { exact: true }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("shell-en.png"), fullPage: true });
});

test.describe("Korean browser", () => {
  test.use({ locale: "ko-KR" });
  test("the browser's language picks Korean", async ({ page }) => {
    await page.goto("/workspaces");
    await expect(page.locator("html")).toHaveAttribute("lang", "ko");
    const nav = page.getByRole("navigation", { name: "주 메뉴" });
    await expect(nav.getByRole("link", { name: "대시보드" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: "워크스페이스" })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("shell-ko.png"), fullPage: true });
  });
});

test("the language switch overrides the browser and sticks", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Language").selectOption("ko");
  await expect(page.getByRole("heading", { level: 1, name: "대시보드" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "대시보드" })).toBeVisible();
  await page.getByLabel("언어").selectOption("en");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});

test("the theme switch applies dark mode without a reload", async ({ page }) => {
  await page.goto("/");
  await page.getByLabel("Theme").selectOption("dark");
  await expect(page.locator("html")).toHaveClass(/theme-dark/);
  await page.getByLabel("Theme").selectOption("system");
  await expect(page.locator("html")).toHaveClass(/theme-system/);
});

test("the account menu opens and closes by keyboard and pointer, and says who is signed in", async ({ page }) => {
  await page.goto("/");
  const trigger = page.getByRole("button", { name: /Account menu for/ });
  const menu = page.getByRole("menu");
  const signOut = page.getByRole("menuitem", { name: "Sign out" });
  await expect(trigger).toHaveAttribute("aria-expanded", "false");

  // Keyboard: Enter opens it on its item, Escape closes it and gives focus back.
  await trigger.focus();
  await page.keyboard.press("Enter");
  await expect(signOut).toBeFocused();
  await expect(trigger).toHaveAttribute("aria-expanded", "true");
  await expect(menu).toContainText("Dana Developer");
  await expect(menu).toContainText("Role: Developer");
  await page.keyboard.press("Escape");
  await expect(menu).toHaveCount(0);
  await expect(trigger).toBeFocused();
  // ArrowDown opens it too; Tab leaves it closed.
  await page.keyboard.press("ArrowDown");
  await expect(signOut).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(menu).toHaveCount(0);

  // Pointer: a click opens it, a click elsewhere closes it.
  await trigger.click();
  await expect(signOut).toBeVisible();
  await page.getByRole("heading", { level: 1, name: "Dashboard" }).click();
  await expect(menu).toHaveCount(0);
  await expect(trigger).toHaveAttribute("aria-expanded", "false");
});

test("an unknown page says so, inside a working app", async ({ page }) => {
  const response = await page.goto("/no-such-page/deeper");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  // Inside the console shell: the navigation is still there and takes the user on.
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Workspaces" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
});

test("readiness is green and names its checks without leaking where they live", async ({ request }) => {
  const res = await request.get("/api/health?ready=1");
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ status: "ok", checks: { backend: { status: "ok" }, idp: { status: "ok" } } });
  expect(JSON.stringify(body)).not.toMatch(/https?:\/\/|127\.0\.0\.1|secret/i);
  const live = await request.get("/api/health");
  expect(await live.json()).toEqual({ status: "ok" });
});
