import { type Page, type Request, type Response } from "@playwright/test";
import {
  createMarkedFunction,
  faultsAvailable,
  invoke,
  KST_MS,
  resetFaults,
  setFaults,
  type MarkedFunction,
} from "./support/observability";
import { expect, test } from "./support/fixtures";
import { storageStateFor } from "./support/users";

test.use({ storageState: storageStateFor("developer") });

let fn: MarkedFunction;

test.beforeAll(async ({ specWorkspaces, developerApi: api }, testInfo) => {
  fn = await createMarkedFunction(api, (await specWorkspaces.of(testInfo)).id, "e2e-logs");
});

const marker = (label: string) => `${label}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
/** The live tail's own poll of the function's Loki stream. */
const isLivePoll = (message: Request | Response) => message.url().includes("/loki-logs?");
const liveLines = (page: Page) => page.getByRole("log", { name: /live log lines/i }).getByTestId("live-line");

/** Set before a check, read after it: still there means the page was never reloaded. */
async function markDocument(page: Page) {
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
}
async function expectSameDocument(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

test("an invocation shows in Executions: KST time, status, filters in the URL, a row that expands by keyboard", async ({
  page,
  developerApi: api,
}) => {
  const m = marker("exec");
  await invoke(api, fn, m);
  await page.goto(`${fn.basePath}/logs`);
  await expect(page.getByRole("tab", { name: "Executions" })).toHaveAttribute("aria-selected", "true");
  const row = page.getByTestId("execution-row").first();
  await expect(row).toContainText(`e2e-line ${m}`);
  await expect(row).toContainText("Success");
  await expect(row).toContainText("200");
  await expect(row.locator("time")).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

  const toggle = row.getByRole("button", { expanded: false });
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(row.getByRole("button", { expanded: true })).toBeVisible();
  await expect(row.getByText("Request body")).toBeVisible();
  // JSON is pretty-printed: the marker sits on its own indented line.
  await expect(row.locator("pre").first()).toContainText(`"marker": "${m}"`);
  await expect(row.getByText("Log lines")).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("executions-expanded.png"), fullPage: true });
  await page.keyboard.press("Space");
  await expect(row.getByRole("button", { expanded: false })).toBeVisible();

  await page.getByLabel("Status", { exact: true }).selectOption("error");
  await expect(page).toHaveURL(/status=error/);
  await expect(page.getByText("No executions match these filters")).toBeVisible();
  await page.getByLabel("Status", { exact: true }).selectOption("all");
  await page.getByLabel("Search", { exact: true }).fill(m);
  await expect(page).toHaveURL(new RegExp(`q=${m}`));
  await expect(page.getByTestId("execution-row")).toHaveCount(1);
  await page.getByLabel("Load", { exact: true }).selectOption("1000");
  await expect(page).toHaveURL(/limit=1000/);

  // The filters survive a reload because they live in the query string.
  await page.reload();
  await expect(page.getByLabel("Search", { exact: true })).toHaveValue(m);
  await expect(page.getByTestId("execution-row")).toHaveCount(1);
});

test("Live tails new lines within 5 s without a reload; pause, filter and highlight", async ({
  page,
  developerApi: api,
}) => {
  const first = marker("live");
  await invoke(api, fn, first);
  await page.goto(`${fn.basePath}/logs`);
  await page.getByRole("tab", { name: "Live" }).click();
  await expect(page).toHaveURL(/view=live/);
  await expect(liveLines(page).filter({ hasText: `e2e-line ${first}` })).toHaveCount(1);
  await expect(liveLines(page).first().locator("time")).toHaveText(KST_MS);
  await markDocument(page);

  const second = marker("tail");
  await invoke(api, fn, second);
  await expect(liveLines(page).filter({ hasText: `e2e-line ${second}` })).toBeVisible({ timeout: 5_000 });
  // Newest at the bottom, and nothing repeated across the polls since.
  await expect(liveLines(page).last()).toContainText(second);
  // Two more polls answered: the overlap they carried was merged, not appended again.
  for (let poll = 0; poll < 2; poll++) await page.waitForResponse(isLivePoll);
  await expect(liveLines(page).filter({ hasText: `e2e-line ${first}` })).toHaveCount(1);
  await expect(liveLines(page).filter({ hasText: `e2e-line ${second}` })).toHaveCount(1);
  await expectSameDocument(page);

  await page.getByLabel("Filter lines").fill(second);
  await expect(liveLines(page)).toHaveCount(2);
  await expect(liveLines(page).locator("mark").first()).toHaveText(second);
  await page.screenshot({ path: test.info().outputPath("live-filtered.png"), fullPage: true });
  await page.getByLabel("Filter lines").fill("");

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("button", { name: "Resume" })).toHaveAttribute("aria-pressed", "true");
  let pollsWhilePaused = 0;
  const countPoll = (request: Request) => void (isLivePoll(request) && pollsWhilePaused++);
  page.on("request", countPoll);
  // A second, unpaused tail of the same function in another tab: once it shows the held line, polls
  // have come and gone; the paused tab asked for nothing meanwhile and still shows nothing new.
  const other = await page.context().newPage();
  await other.goto(`${fn.basePath}/logs?view=live`);
  await expect(liveLines(other).filter({ hasText: `e2e-line ${second}` })).toHaveCount(1);
  const held = marker("held");
  await invoke(api, fn, held);
  await expect(liveLines(other).filter({ hasText: `e2e-line ${held}` })).toBeVisible({ timeout: 10_000 });
  await other.close();
  page.off("request", countPoll);
  expect(pollsWhilePaused).toBe(0);
  await expect(liveLines(page).filter({ hasText: held })).toHaveCount(0);
  await page.getByRole("button", { name: "Resume" }).click();
  await expect(liveLines(page).filter({ hasText: `e2e-line ${held}` })).toBeVisible({ timeout: 5_000 });
  await expectSameDocument(page);
});

test("the workspace logs page lists executions across functions and filters by function", async ({
  page,
  developerApi: api,
}) => {
  const m = marker("ws");
  await invoke(api, fn, m);
  await page.goto(`/workspaces/${fn.workspaceId}/logs`);
  await expect(page.getByRole("heading", { level: 1, name: "Logs" })).toBeVisible();
  await expect(page.getByTestId("execution-row").first()).toContainText(m);
  await page.getByLabel("Function", { exact: true }).selectOption(fn.functionId);
  await expect(page).toHaveURL(new RegExp(`function=${fn.functionId}`));
  const links = page.getByTestId("execution-row").getByRole("link");
  // Until the function's own answer arrives the previous rows stay; then only its rows remain.
  await expect(links.filter({ hasNotText: fn.name })).toHaveCount(0);
  await expect(links.first()).toHaveText(fn.name);
  await page.screenshot({ path: test.info().outputPath("workspace-logs.png"), fullPage: true });
  await links.first().click();
  await expect(page).toHaveURL(new RegExp(`${fn.basePath}/logs\\?view=executions`));
  await expect(page.getByRole("heading", { level: 1, name: fn.name })).toBeVisible();
});

test.describe("with Loki failing", () => {
  test.describe.configure({ mode: "serial" });
  test.skip(!faultsAvailable, "the fault switches exist only in the embedded backend");
  test.afterEach(async ({ request }) => resetFaults(request, "loki"));

  test("Live says Loki is unreachable and recovers on retry, while Executions keeps working", async ({
    page,
    request,
    developerApi: api,
  }) => {
    const m = marker("down");
    await invoke(api, fn, m);
    await setFaults(request, { loki: "down" });
    await page.goto(`${fn.basePath}/logs?view=live`);
    const alert = page.getByRole("alert").filter({ hasText: "Loki is unreachable" });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText("LOKI_CONNECTION_ERROR");
    await expect(page.getByRole("heading", { level: 1, name: fn.name })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("live-loki-down.png"), fullPage: true });

    await page.getByRole("tab", { name: "Executions" }).click();
    await expect(page.getByTestId("execution-row").first()).toContainText(m);
    await expect(page.getByText("Execution logs could not be loaded")).toHaveCount(0);
    await expect(page.getByText("Loki is unreachable")).toHaveCount(0);
    await page.screenshot({ path: test.info().outputPath("executions-while-loki-down.png"), fullPage: true });

    await page.getByRole("tab", { name: "Live" }).click();
    await expect(alert).toBeVisible();
    // Retry really asks Loki again (still down here: the tab's own 5 s retry could otherwise recover
    // first and take the button away mid-click), then the tail recovers once Loki is back.
    const asked = page.waitForResponse((r) => r.url().includes("/loki-logs"));
    await alert.getByRole("button", { name: "Retry" }).click();
    expect((await asked).status()).toBe(503);
    await resetFaults(request, "loki");
    await expect(alert).toHaveCount(0);
    await expect(liveLines(page).filter({ hasText: `e2e-line ${m}` })).toBeVisible();
  });

  test("a Loki query error is named as such", async ({ page, request }) => {
    await setFaults(request, { loki: "error" });
    await page.goto(`${fn.basePath}/logs?view=live`);
    await expect(page.getByRole("alert").filter({ hasText: "Loki could not answer" })).toContainText("LOKI_ERROR");
  });
});

test("1000 executions stay virtualized: few rows in the DOM, the last one reachable by scrolling", async ({ page }) => {
  // A synthetic answer through the browser's network layer: the page, the filters and the list are real.
  const logs = Array.from({ length: 1000 }, (_, i) => ({
    id: `log-${i}`,
    functionId: fn.functionId,
    timestamp: new Date(Date.UTC(2025, 11, 7, 3, 0, 0) - i * 1000).toISOString().replace("Z", "+00:00"),
    status: i % 10 === 0 ? "error" : "success",
    duration: 10 + i,
    statusCode: i % 10 === 0 ? 500 : 200,
    requestBody: { i },
    responseBody: { ok: i % 10 !== 0 },
    logs: [`synthetic line ${i}`],
    level: i % 10 === 0 ? "error" : "info",
  }));
  await page.route(`**/api/workspaces/${fn.workspaceId}/functions/${fn.functionId}/logs?*`, (route) =>
    route.fulfill({ json: { logs, total: 1000 } }),
  );
  await page.goto(`${fn.basePath}/logs?limit=1000`);
  await expect(page.getByText("1000 shown of the latest 1000")).toBeVisible();
  expect(await page.getByTestId("execution-row").count()).toBeLessThan(60);
  await page.getByTestId("execution-scroller").evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(page.getByTestId("execution-row").filter({ hasText: "synthetic line 999" })).toBeVisible();
  expect(await page.getByTestId("execution-row").count()).toBeLessThan(60);

  await page.getByLabel("Level", { exact: true }).selectOption("error");
  await expect(page.getByText("100 shown of the latest 1000")).toBeVisible();
});

test.describe("in Korean at 1024 px", () => {
  test.use({ locale: "ko-KR", viewport: { width: 1024, height: 768 } });

  test("the Logs tab is translated and fits without horizontal scrolling", async ({ page, developerApi: api }) => {
    await invoke(api, fn, marker("ko"));
    await page.goto(`${fn.basePath}/logs`);
    await expect(page.getByRole("tab", { name: "실행 기록" })).toHaveAttribute("aria-selected", "true");
    await expect(page.getByTestId("execution-row").first()).toContainText("성공");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByRole("tab", { name: "실시간" }).click();
    await expect(page.getByRole("button", { name: "일시 정지" })).toBeVisible();
    await expect(page.getByRole("log").getByTestId("live-line").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: test.info().outputPath("live-ko-1024.png"), fullPage: true });
  });
});

test("Live follows the newest line, stops when scrolled up, and jumps back; overlapping polls never repeat a line", async ({
  page,
}) => {
  // Each poll answers the newest 200 of a growing stream (newest first, as Loki does), overlapping the last.
  let produced = 120;
  const base = 1_765_076_400_000_000_000n; // 2025-12-07 12:00:00 KST in ns
  await page.route(`**/api/functions/${fn.functionId}/loki-logs?*`, (route) => {
    produced += 5;
    const logs = Array.from({ length: Math.min(200, produced) }, (_, k) => {
      const i = produced - 1 - k;
      return { timestamp: (base + BigInt(i) * 1_000_000n).toString(), line: `stream line ${i}` };
    });
    return route.fulfill({ json: { logs, total: logs.length, function_id: fn.functionId } });
  });
  await page.goto(`${fn.basePath}/logs?view=live`);
  const log = page.getByRole("log", { name: /live log lines/i });
  const atBottom = () => log.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight <= 24);
  await expect(liveLines(page).first()).toHaveText(/^2025-12-07 12:00:00\.\d{3}/);
  // The first answer is on screen; the next poll's new lines must follow within 5 s (the promise),
  // whichever poll the page is at (the first answer ends at line 124 or later, each poll adds 5).
  const newest = async () => Number((await liveLines(page).last().textContent())?.match(/stream line (\d+)$/)?.[1]);
  const first = await newest();
  await expect(liveLines(page).filter({ hasText: new RegExp(`stream line ${first + 5}$`) })).toBeVisible({
    timeout: 5_000,
  });
  expect(await atBottom()).toBe(true);

  await log.evaluate((el) => el.scrollTo({ top: 0 }));
  const jump = page.getByRole("button", { name: "Jump to latest" });
  await expect(jump).toBeVisible();
  const countBefore = await liveLines(page).count();
  await expect.poll(() => liveLines(page).count(), { timeout: 5_000 }).toBeGreaterThan(countBefore);
  expect(await log.evaluate((el) => el.scrollTop)).toBe(0);

  await jump.click();
  await expect(jump).toHaveCount(0);
  const countAtJump = await liveLines(page).count();
  await expect.poll(() => liveLines(page).count(), { timeout: 5_000 }).toBeGreaterThan(countAtJump);
  expect(await atBottom()).toBe(true);

  const texts = await liveLines(page).allTextContents();
  expect(new Set(texts).size).toBe(texts.length);
});
