import { type Page } from "@playwright/test";
import {
  createMarkedFunction,
  faultsAvailable,
  invoke,
  resetFaults,
  setFaults,
  type MarkedFunction,
} from "./support/observability";
import { expect, test } from "./support/fixtures";
import { storageStateFor } from "./support/users";

let fn: MarkedFunction;

test.beforeAll(async ({ specWorkspaces, developerApi: api }, testInfo) => {
  fn = await createMarkedFunction(api, (await specWorkspaces.of(testInfo)).id, "e2e-metrics");
  // Two runs, so the counters and the CPU series have something to show.
  await invoke(api, fn, "m1");
  await invoke(api, fn, "m2");
});

const chart = (page: Page) => page.getByRole("img", { name: /CPU usage over the last 60 minutes/ });
const stat = (page: Page, label: string) =>
  page.locator("dl > div").filter({ has: page.locator("dt", { hasText: label }) });

/** The function page around the tab still works: header, tab bar, and another tab reachable. */
async function expectFunctionPageAlive(page: Page) {
  await expect(page.getByRole("heading", { level: 1, name: fn.name })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Function sections" });
  await expect(tabs.getByRole("link", { name: "Metrics" })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: "Logs" }).click();
  await expect(page.getByTestId("execution-row").first()).toBeVisible();
}

test.describe("as a developer", () => {
  test.use({ storageState: storageStateFor("developer") });

  test("the chart, CPU now and the 24 h counters render, with raw data in collapsed developer details", async ({
    page,
  }) => {
    await page.goto(`${fn.basePath}/metrics`);
    await expect(chart(page)).toBeVisible();
    await expect(page.getByText(/^Updated \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} KST/)).toBeVisible();
    await expect(stat(page, "Invocations (24 h)").locator("dd").first()).toHaveText("2");
    await expect(stat(page, "Errors (24 h)").locator("dd").first()).toHaveText("0");
    await expect(stat(page, "Error rate (24 h)").locator("dd").first()).toHaveText("0%");
    await expect(stat(page, "Average duration").locator("dd").first()).toHaveText(/ ms$/);
    await expect(page.getByTestId("cpu-total")).toHaveText(/cores$|^—$/);
    await expect(page.getByTestId("partial-badge")).toHaveCount(0);

    const details = page.locator("details").filter({ hasText: "Developer details" });
    await expect(details).not.toHaveAttribute("open", "");
    await details.getByText("Developer details").click();
    await expect(details.getByText("Raw instant answer")).toBeVisible();
    await expect(details.locator("pre").first()).toContainText('"resultType"');
    await page.screenshot({ path: test.info().outputPath("metrics-developer.png"), fullPage: true });
  });

  test.describe("with Prometheus failing", () => {
    test.describe.configure({ mode: "serial" });
    test.skip(!faultsAvailable, "the fault switches exist only in the embedded backend");
    test.afterEach(async ({ request }) => resetFaults(request, "prometheus"));

    test("partial: a badge names the failed range query and the chart is still drawn", async ({ page, request }) => {
      await setFaults(request, { prometheus: "partial" });
      await page.goto(`${fn.basePath}/metrics`);
      const badge = page.getByRole("status").filter({ has: page.getByTestId("partial-badge") });
      await expect(badge).toContainText("Partial data");
      await expect(badge).toContainText("The CPU series (range) query failed");
      await expect(chart(page)).toBeVisible();
      await expect(page.getByText("The CPU series is unavailable right now")).toBeVisible();
      await expect(stat(page, "Invocations (24 h)").locator("dd").first()).toHaveText("2");
      await page.screenshot({ path: test.info().outputPath("metrics-partial.png"), fullPage: true });
    });

    test("down: an error panel inside the tab, counters and the rest of the page keep working", async ({
      page,
      request,
    }) => {
      await setFaults(request, { prometheus: "down" });
      await page.goto(`${fn.basePath}/metrics`);
      const alert = page.getByRole("alert").filter({ hasText: "Prometheus is unreachable" });
      await expect(alert).toContainText("PROMETHEUS_CONNECTION_ERROR");
      await expect(alert.getByRole("button", { name: "Try again" })).toBeVisible();
      await expect(chart(page)).toHaveCount(0);
      await expect(stat(page, "Invocations (24 h)").locator("dd").first()).toHaveText("2");
      await expect(page.getByTestId("cpu-total")).toHaveText("—");
      await page.screenshot({ path: test.info().outputPath("metrics-prometheus-down.png"), fullPage: true });

      await resetFaults(request, "prometheus");
      await alert.getByRole("button", { name: "Try again" }).click();
      await expect(chart(page)).toBeVisible();
      await expectFunctionPageAlive(page);
    });
  });
});

test.describe("as a viewer (manager)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("sees the chart but no raw data: nothing in the DOM, nothing in the route's answer", async ({
    page,
    developerApi: api,
  }) => {
    await page.goto(`${fn.basePath}/metrics`);
    await expect(chart(page)).toBeVisible();
    await expect(page.getByText("Developer details")).toHaveCount(0);
    const html = await page.content();
    expect(html).not.toMatch(/raw_instant|raw_range|container_cpu_usage_seconds_total/);
    await page.screenshot({ path: test.info().outputPath("metrics-viewer.png"), fullPage: true });

    const asViewer = await page.request.get(`/api/functions/${fn.functionId}/metrics`);
    expect(asViewer.status()).toBe(200);
    const body = await asViewer.json();
    expect(Object.keys(body.data).sort()).toEqual([
      "cpu_series",
      "cpu_total",
      "instant_query",
      "range_query",
      "window_seconds",
    ]);

    const asDeveloper = await api.get(`/api/functions/${fn.functionId}/metrics`);
    expect(Object.keys((await asDeveloper.json()).data)).toEqual(expect.arrayContaining(["raw_instant", "raw_range"]));
  });
});

test.describe("in Korean at 1024 px", () => {
  test.use({ storageState: storageStateFor("developer"), locale: "ko-KR", viewport: { width: 1024, height: 768 } });

  test("the Metrics tab is translated and fits without horizontal scrolling", async ({ page }) => {
    await page.goto(`${fn.basePath}/metrics`);
    await expect(page.getByRole("img", { name: /최근 60분 CPU 사용량/ })).toBeVisible();
    await expect(page.getByText("호출 수 (24시간)")).toBeVisible();
    await expect(page.getByText("개발자 정보")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: test.info().outputPath("metrics-ko-1024.png"), fullPage: true });
  });
});
