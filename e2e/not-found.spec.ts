import { expect, test } from "./support/fixtures";
import { storageStateFor } from "./support/users";

/* A missing workspace or function: HTTP 404, inside the console shell, with exactly one main landmark. */
test.use({ storageState: storageStateFor("manager") });

for (const [what, url] of [
  ["workspace", () => "/workspaces/ws-no-such-workspace"],
  ["workspace's builds", () => "/workspaces/ws-no-such-workspace/builds"],
  ["function", (ws: string) => `/workspaces/${ws}/functions/fn-no-such-function/code`],
  ["function's metrics", (ws: string) => `/workspaces/${ws}/functions/fn-no-such-function/metrics`],
] as const) {
  test(`a missing ${what} answers 404 inside the shell`, async ({ page, workspace }) => {
    const response = await page.goto(url(workspace.id));
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page).toHaveTitle("Page not found · Eunha Console");
  });
}
