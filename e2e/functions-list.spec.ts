import { type Page } from "@playwright/test";
import { createFunction, uniqueName } from "./support/api";
import { expect, test } from "./support/fixtures";
import { storageStateFor } from "./support/users";

test.use({ storageState: storageStateFor("developer") });

const bodyRows = (page: Page) => page.locator("tbody tr");
const nameCells = (page: Page) => page.locator("tbody tr td:first-child a");
const statValue = (page: Page, label: string) =>
  page
    .getByRole("main")
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");

test("create a function after fixing a validation error, then find it in the table", async ({ page, newWorkspace }) => {
  const ws = await newWorkspace("create");
  const name = uniqueName("greeter");
  await page.goto(`/workspaces/${ws.id}`);
  await expect(page.getByText("No functions yet")).toBeVisible();
  await page.getByRole("link", { name: "New function" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${ws.id}/functions/new$`));
  await expect(page.getByRole("heading", { level: 1, name: "New function" })).toBeVisible();

  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Memory (MB)").fill("64");
  await page.getByRole("checkbox", { name: "GET" }).check();
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByLabel("Name of variable 1").fill("GREETING");
  await page.getByLabel("Value of GREETING").fill("안녕하세요");
  await page.getByRole("button", { name: "Add variable" }).click();
  await page.getByLabel("Name of variable 2").fill("GREETING");
  await page.getByRole("button", { name: "Create function" }).click();

  await expect(page.getByText("Must be at least 128.")).toBeVisible();
  await expect(page.getByLabel("Memory (MB)")).toBeFocused();
  await expect(page.getByText("GREETING is already set above.")).toBeVisible();
  await expect(page).toHaveURL(/\/functions\/new$/);
  await page.screenshot({ path: test.info().outputPath("create-function-form.png"), fullPage: true });

  await page.getByRole("button", { name: "512 MB" }).click();
  await expect(page.getByLabel("Memory (MB)")).toHaveValue("512");
  await page.getByRole("button", { name: "Remove variable 2: GREETING" }).click();
  await page.getByRole("checkbox", { name: "POST" }).uncheck();
  await page.getByRole("checkbox", { name: "GET" }).uncheck();
  await page.getByRole("button", { name: "Create function" }).click();
  await expect(page.getByText("Choose at least one.")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "GET" })).toBeFocused();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name); // nothing typed is lost
  await page.getByRole("checkbox", { name: "POST" }).check();
  await page.getByRole("radio", { name: /Spin HTTP component/ }).check();
  await page.getByRole("button", { name: "Create function" }).click();

  // Only the URL: the Code tab is another team's route, and the journey must not depend on its content.
  await expect(page).toHaveURL(new RegExp(`/workspaces/${ws.id}/functions/[^/]+/code$`));
  const functionId = new URL(page.url()).pathname.split("/").at(-2)!;

  const stored = await (await page.request.get(`/api/workspaces/${ws.id}/functions/${functionId}`)).json();
  expect(stored).toMatchObject({
    name,
    runtime: "Python 3.12",
    memory: 512,
    timeout: 30,
    httpMethods: ["POST"],
    environmentVariables: { GREETING: "안녕하세요" },
  });
  expect(Buffer.from(stored.code, "base64").toString("utf8")).toContain("class IncomingHandler(http.IncomingHandler):");

  await page.goto(`/workspaces/${ws.id}`);
  await expect(nameCells(page)).toHaveText([name]);
  await expect(bodyRows(page).first()).toContainText("512 MB");
  await expect(statValue(page, "Functions")).toHaveText("1");
});

test("sort, filter and open functions from the table", async ({ page, newWorkspace, developerApi: dev }) => {
  const ws = await newWorkspace("table");
  const stamp = Date.now().toString(36);
  const alpha = `alpha-${stamp}`;
  const bravo = `bravo-${stamp}`;
  const charlie = `charlie-${stamp}`;
  await createFunction(dev, ws.id, { name: bravo, description: "second in line" });
  const a = await createFunction(dev, ws.id, { name: alpha, memory: 512 });
  const c = await createFunction(dev, ws.id, { name: charlie });
  expect(
    (await dev.patch(`/api/workspaces/${ws.id}/functions/${c.id}`, { data: { status: "disabled" } })).status(),
  ).toBe(200);
  await page.goto(`/workspaces/${ws.id}`);
  await expect(bodyRows(page)).toHaveCount(3);
  const nameHeader = page.getByRole("columnheader", { name: "Name" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(nameCells(page)).toHaveText([alpha, bravo, charlie]);
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(nameCells(page)).toHaveText([charlie, bravo, alpha]);
  await expect(page).toHaveURL((url) => url.searchParams.get("sort") === "-name");

  await page.getByRole("columnheader", { name: "Memory" }).getByRole("button").click(); // numbers: largest first
  await expect(nameCells(page).first()).toHaveText(alpha);

  await page.getByLabel("Filter functions").fill("second");
  await expect(nameCells(page)).toHaveText([bravo]);
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === "second");
  await page.getByLabel("Filter functions").fill("");
  await page.getByLabel("Status").selectOption("disabled");
  await expect(nameCells(page)).toHaveText([charlie]);
  await expect(page).toHaveURL((url) => url.searchParams.get("status") === "disabled");

  await page.reload(); // filters live in the URL
  await expect(page.getByLabel("Status")).toHaveValue("disabled");
  await expect(nameCells(page)).toHaveText([charlie]);
  await page.getByLabel("Filter functions").fill("no-such-function");
  await expect(page.getByText("No function matches these filters")).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(bodyRows(page)).toHaveCount(3);
  await page.screenshot({ path: test.info().outputPath("workspace-page-functions.png"), fullPage: true });

  await page.getByRole("row", { name: `Open ${alpha}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/workspaces/${ws.id}/functions/${a.id}/code$`));
});

test("delete a function: its row and every count drop at once", async ({ page, newWorkspace, developerApi: dev }) => {
  const ws = await newWorkspace("count");
  const keep = await createFunction(dev, ws.id, { name: uniqueName("keep") });
  const doomed = await createFunction(dev, ws.id, { name: uniqueName("doomed") });
  const card = () =>
    page
      .getByRole("main")
      .getByRole("listitem")
      .filter({ has: page.getByRole("link", { name: ws.name }) });
  await page.goto(`/workspaces?q=${encodeURIComponent(ws.name)}`);
  await expect(card().locator("dt:text-is('Functions') + dd")).toHaveText("2");
  await card().getByRole("link", { name: ws.name }).click();
  await expect(statValue(page, "Functions")).toHaveText("2");

  // A quiet icon per row, not a red word; Cancel keeps everything and gives focus back to it.
  const rowDelete = page.getByRole("button", { name: `Delete function ${doomed.name}` });
  await expect(rowDelete).toHaveText("");
  await rowDelete.click();
  const dialog = page.getByRole("dialog", { name: `Delete function ${doomed.name}?` });
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(rowDelete).toBeFocused();
  await rowDelete.click();
  await dialog.getByRole("button", { name: "Delete function" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Function ${doomed.name} deleted`)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${ws.id}$`)); // the dialog's clicks never open the row
  await expect(nameCells(page)).toHaveText([keep.name]);
  await expect(statValue(page, "Functions")).toHaveText("1");

  // Client-side navigation, as a user would: no stale count from the router cache.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workspaces" }).click();
  await page.getByLabel("Search workspaces").fill(ws.name);
  await expect(card().locator("dt:text-is('Functions') + dd")).toHaveText("1");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  // Other journeys run in parallel, so compare with the backend's own total read at the same moment.
  await expect(async () => {
    const total = ((await (await page.request.get("/api/workspaces")).json()) as { functionCount: number }[]).reduce(
      (n, w) => n + w.functionCount,
      0,
    );
    await page.reload();
    await expect(statValue(page, "Functions")).toHaveText(String(total), { timeout: 1000 });
  }).toPass();
});

test("delete a function from its own page: confirm, land on the workspace, and it is gone", async ({
  page,
  newWorkspace,
  developerApi: dev,
}) => {
  const ws = await newWorkspace("delete-page");
  const fn = await createFunction(dev, ws.id, { name: uniqueName("doomed") });
  await page.goto(`/workspaces/${ws.id}/functions/${fn.id}/settings`);
  await page.getByRole("button", { name: `Delete function ${fn.name}` }).click();
  const dialog = page.getByRole("dialog", { name: `Delete function ${fn.name}?` });
  await dialog.getByRole("button", { name: "Delete function" }).click();
  await expect(page).toHaveURL(new RegExp(`/workspaces/${ws.id}$`));
  await expect(page.getByText(`Function ${fn.name} deleted`)).toBeVisible();
  await expect(page.getByText("No functions yet")).toBeVisible();
});

test.describe("as a manager", () => {
  test.use({ storageState: storageStateFor("manager") });
  test("the function page offers no delete", async ({ page, newWorkspace, developerApi: dev }) => {
    const ws = await newWorkspace("no-delete");
    const fn = await createFunction(dev, ws.id, { name: uniqueName("kept") });
    await page.goto(`/workspaces/${ws.id}/functions/${fn.id}/settings`);
    await expect(page.getByRole("heading", { level: 1, name: fn.name })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Delete function/ })).toHaveCount(0);
  });
});

for (const [locale, errors, duration] of [
  ["en-US", "Errors 24 h", "Avg duration"],
  ["ko-KR", "24시간 오류", "평균 실행 시간"],
] as const) {
  test.describe(`at 1024 px (${locale})`, () => {
    test.use({ locale, viewport: { width: 1024, height: 768 } });
    test("the function table shows errors and durations without a sideways scroll, headers whole", async ({
      page,
      baseURL,
      newWorkspace,
      developerApi: dev,
    }) => {
      const ws = await newWorkspace("1024");
      await createFunction(dev, ws.id, { name: uniqueName("a-function-with-a-rather-long-name") });
      await page.context().addCookies([{ name: "NEXT_LOCALE", value: locale.slice(0, 2), url: baseURL! }]);
      await page.goto(`/workspaces/${ws.id}`);
      await expect(bodyRows(page)).toHaveCount(1);
      const scroller = page.locator("table").locator("xpath=..");
      const box = (await scroller.boundingBox())!;
      for (const label of [errors, duration]) {
        const header = page.locator("thead th", { hasText: label });
        const cell = (await header.boundingBox())!;
        expect(cell.x + cell.width, `${label} ends inside the visible table`).toBeLessThanOrEqual(
          box.x + box.width + 1,
        );
        // The whole label is shown: nothing cut off inside the header.
        expect(
          await header.evaluate((th) =>
            [...th.querySelectorAll("*")].every((el) => el.scrollWidth <= el.clientWidth + 1),
          ),
        ).toBe(true);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
      await page.screenshot({ path: test.info().outputPath(`function-table-${locale}-1024.png`), fullPage: true });
    });
  });
}
