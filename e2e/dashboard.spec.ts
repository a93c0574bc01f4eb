import { readFileSync } from "node:fs";
import { type APIRequestContext, type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { storageStateFor } from "./support/users";

/*
 * The managers' dashboard, as `manager` (viewer): its figures against what the backend holds (read
 * through the console's own list routes), their move after invocations, the CSV files and the links.
 * The stack shares a dashboard read for DASHBOARD_CACHE_SECONDS (2 s in the e2e stack): journeys poll.
 */
test.use({ storageState: storageStateFor("manager") });

type Fixture = {
  workspace: { id: string; name: string };
  ok: { id: string; name: string };
  failing: { id: string; name: string };
};
let fx: Fixture;

const invoke = async (developer: APIRequestContext, fnId: string, times: number) => {
  for (let i = 0; i < times; i++) {
    const res = await developer.post(`/api/workspaces/${fx.workspace.id}/functions/${fnId}/invoke`, {
      data: { run: i },
    });
    expect([200, 500]).toContain(res.status());
  }
};

test.beforeAll(async ({ specWorkspaces, developerApi }, testInfo) => {
  const workspace = await specWorkspaces.of(testInfo);
  const ok = await specWorkspaces.newFunction(testInfo, "fine");
  const failing = await specWorkspaces.newFunction(testInfo, "div", {
    code: "def handler(event):\n    return 1 / 0\n",
  });
  fx = { workspace, ok, failing };
  await invoke(developerApi, ok.id, 2);
  await invoke(developerApi, failing.id, 1);
});

// The visible row: once under load a second, hidden copy of the table was in the DOM while the page streamed.
const row = (page: Page) =>
  page.getByTestId("workspace-table").locator(`tr[data-workspace-id="${fx.workspace.id}"]`).filter({ visible: true });
const cell = (page: Page, col: string) => row(page).locator(`td[data-col="${col}"]`);

/** Reloads until the page shows what `expected` says (the shared read lives a couple of seconds). */
async function pollPage(page: Page, read: () => Promise<string>, expected: string) {
  await expect
    .poll(
      async () => {
        await page.reload();
        return read();
      },
      { timeout: 20_000 },
    )
    .toBe(expected);
}

test("headline figures match what the backend holds", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect
    .poll(
      async () => {
        // Other journeys change the backend meanwhile: compare one page load with one read of the lists.
        await page.reload();
        const shown = {
          workspaces: await page.locator('[data-figure="workspaces"]').innerText(),
          functions: await page.locator('[data-figure="functions"]').innerText(),
        };
        const list = (await (await request.get("/api/workspaces")).json()) as Array<{ id: string }>;
        let functions = 0;
        for (const w of list)
          functions += ((await (await request.get(`/api/workspaces/${w.id}/functions`)).json()) as unknown[]).length;
        return (
          shown.workspaces === list.length.toLocaleString("en-US") &&
          shown.functions === functions.toLocaleString("en-US")
        );
      },
      { timeout: 30_000 },
    )
    .toBe(true);
});

test("a workspace's row shows its invocations and errors, and they move when functions run", async ({
  page,
  developerApi,
}) => {
  await page.goto("/");
  await pollPage(
    page,
    async () => `${await cell(page, "invocations").innerText()}/${await cell(page, "errors").innerText()}`,
    "3/1",
  );
  const top = page
    .getByTestId("top-error-functions")
    .locator(`tr[data-function-id="${fx.failing.id}"]`)
    .filter({ visible: true });
  await expect(top.locator('td[data-col="errors"]')).toHaveText("1");
  await expect(page.getByTestId("top-error-functions").locator(`tr[data-function-id="${fx.ok.id}"]`)).toHaveCount(0);

  await invoke(developerApi, fx.failing.id, 2);
  await pollPage(
    page,
    async () => `${await cell(page, "invocations").innerText()}/${await cell(page, "errors").innerText()}`,
    "5/3",
  );
  await expect(top.locator('td[data-col="errors"]')).toHaveText("3");
});

test("CSV files carry the per-workspace and per-function figures", async ({ page }) => {
  await page.goto("/");
  await pollPage(page, async () => cell(page, "invocations").innerText(), "5");
  const read = async (name: string) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
    expect(download.suggestedFilename()).toMatch(/^eunha-(workspaces|functions)-\d{8}-\d{4}\.csv$/);
    return readFileSync((await download.path())!, "utf8");
  };
  const workspaces = await read("Workspaces CSV");
  expect(workspaces.split("\r\n")[0]).toBe(
    "\uFEFFworkspace_id,workspace,functions,invocations_24h,errors_24h,error_rate_pct,avg_duration_ms",
  );
  expect(workspaces).toMatch(new RegExp(`\\r\\n${fx.workspace.id},${fx.workspace.name},2,5,3,60,`));
  const functions = await read("Functions CSV");
  expect(functions).toContain(
    `${fx.workspace.id},${fx.workspace.name},${fx.failing.id},${fx.failing.name},active,3,3,100,`,
  );
  expect(functions).toContain(`${fx.workspace.id},${fx.workspace.name},${fx.ok.id},${fx.ok.name},active,2,0,0,`);
});

test("links land on the workspace and the function", async ({ page }) => {
  await page.goto("/");
  await pollPage(page, async () => String(await row(page).count()), "1");
  await row(page).getByRole("link", { name: fx.workspace.name }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${fx.workspace.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: fx.workspace.name })).toBeVisible();

  await page.goto("/");
  await page.getByTestId("top-error-functions").getByRole("link", { name: fx.failing.name }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${fx.workspace.id}/functions/${fx.failing.id}`));
  await expect(page.getByRole("heading", { level: 1, name: fx.failing.name })).toBeVisible();
});

test("the CSV export refuses an unknown scope with the error envelope", async ({ request }) => {
  const res = await request.get("/api/dashboard/export?scope=secrets");
  expect(res.status()).toBe(400);
  expect((await res.json()).error).toMatchObject({ code: "VALIDATION_ERROR" });
});
