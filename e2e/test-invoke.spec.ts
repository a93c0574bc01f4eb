import { type Page } from "@playwright/test";
import { functionPath, type FunctionJson } from "./support/api";
import { expect, test } from "./support/fixtures";
import { monacoInput, replaceEditorText, saveScreenshot } from "./support/page";
import { storageStateFor } from "./support/users";

test.use({ storageState: storageStateFor("developer") });
// Monaco is a few MB of script; with tracing on a busy two-core runner one page load can take 20 s.
test.describe.configure({ timeout: 120_000 });

let echo: FunctionJson;

const payloadEditor = (page: Page) => page.getByTestId("payload-editor");
const invokeButton = (page: Page) => page.getByRole("button", { name: /^Invoke/ });

test.beforeAll(async ({ specWorkspaces }, testInfo) => {
  echo = await specWorkspaces.newFunction(testInfo, "e2e-test-echo");
});

test("a payload runs the real function and its answer is shown", async ({ page }) => {
  await page.goto(functionPath(echo, "test"));
  await replaceEditorText(page, '{"name": "은하", "n": 3}', payloadEditor(page));
  await expect(page.getByTestId("payload-check")).toHaveText("Valid JSON.");
  await invokeButton(page).click();
  await expect(page.getByTestId("invoke-status")).toHaveText("200");
  const body = page.getByTestId("invoke-body");
  await expect(body).toContainText('"echo": {');
  await expect(body).toContainText('"name": "은하"');
  await expect(page.getByTestId("invoke-response")).toContainText(/\d+ ms/);
  await saveScreenshot(page, "test-response");
});

test("Ctrl+Enter invokes; this session's runs can be opened and run again", async ({ page }) => {
  await page.goto(functionPath(echo, "test"));
  await replaceEditorText(page, '{"run": 1}', payloadEditor(page));
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("invoke-body")).toContainText('"run": 1');
  await replaceEditorText(page, '{"run": 2}', payloadEditor(page));
  await page.keyboard.press("ControlOrMeta+Enter");
  await expect(page.getByTestId("invoke-body")).toContainText('"run": 2');

  const history = page.getByTestId("invoke-history").getByRole("listitem");
  await expect(history).toHaveCount(2);
  await page.reload(); // the list lives in sessionStorage: a reload keeps it
  await expect(history).toHaveCount(2);
  await history.nth(1).getByRole("button", { name: /^Open/ }).click();
  await expect(page.getByTestId("invoke-body")).toContainText('"run": 1');
  await expect(payloadEditor(page)).toContainText('"run": 1');
  await history.nth(1).getByRole("button", { name: "Run again" }).click();
  await expect(history).toHaveCount(3);
  await expect(page.getByTestId("invoke-body")).toContainText('"run": 1');
});

test("invalid JSON disables Invoke and says where it breaks", async ({ page }) => {
  await page.goto(functionPath(echo, "test"));
  await replaceEditorText(page, '{\n  "a": \n}', payloadEditor(page));
  await expect(page.getByTestId("payload-check")).toContainText("Not valid JSON at line 3, column 1");
  await expect(invokeButton(page)).toBeDisabled();
  await replaceEditorText(page, '{"a": null}', payloadEditor(page));
  await expect(invokeButton(page)).toBeEnabled();
});

const eventName = (page: Page) => page.getByLabel("Name of the test event");
const eventRow = (page: Page, name: string) => page.getByTestId("saved-event").filter({ hasText: name });

/** Saves the payload under a name from the Test tab, as a developer would. */
async function saveEvent(page: Page, fn: FunctionJson, name: string, payload: string): Promise<void> {
  await page.goto(functionPath(fn, "test"));
  await replaceEditorText(page, payload, payloadEditor(page));
  await eventName(page).fill(name);
  await page.getByRole("button", { name: "Save payload" }).click();
  await expect(eventRow(page, name)).toBeVisible();
  await expect(eventName(page)).toHaveValue("");
}

test("test events are saved for the team: another user loads one and makes it the default; deleted for everyone", async ({
  page,
  browser,
  newFunction,
}) => {
  const fn = await newFunction("e2e-test-events");
  await saveEvent(page, fn, "order 42", '{"order": 42}');

  // Another user in another browser: the event lives in the console's store, not in the first browser.
  const adminContext = await browser.newContext({ storageState: storageStateFor("admin") });
  try {
    const other = await adminContext.newPage();
    await other.goto(functionPath(fn, "test"));
    await monacoInput(other, payloadEditor(other));
    await other.getByRole("button", { name: "Load order 42" }).click();
    await expect(payloadEditor(other)).toContainText('"order": 42');
    await expect(eventRow(other, "order 42").getByTestId("default-event-badge")).toHaveCount(0);
    await other.getByRole("button", { name: "Make order 42 the default" }).click();
    await expect(eventRow(other, "order 42").getByTestId("default-event-badge")).toHaveText("Default");
    await expect(other.getByRole("button", { name: "Make order 42 the default" })).toHaveCount(0);
  } finally {
    await adminContext.close();
  }

  await page.reload();
  await expect(eventRow(page, "order 42").getByTestId("default-event-badge")).toHaveText("Default");
  await page.getByRole("button", { name: "Delete order 42" }).click();
  await expect(page.getByTestId("saved-events")).toHaveCount(0);
  await page.reload();
  await expect(page.getByText("No saved events yet.")).toBeVisible();
});

test("a function that runs past its timeout is explained in plain words", async ({ page, newFunction }) => {
  const slow = await newFunction("e2e-test-slow", {
    code: "import time\n\ndef handler(event):\n    time.sleep(5)\n    return {}\n",
    timeout: 1,
  });
  await page.goto(functionPath(slow, "test"));
  await monacoInput(page, payloadEditor(page));
  await invokeButton(page).click();
  await expect(page.getByTestId("invoke-status")).toContainText("504");
  await expect(page.getByText("The function ran past its timeout (1 s) and was stopped.")).toBeVisible();
});

test("a failed run links to the failed executions' log lines, which show its exception line", async ({
  page,
  newFunction,
}) => {
  const failing = await newFunction("e2e-test-raises", {
    code: "def handler(event):\n    return {'ratio': 1 / 0}\n",
  });
  await page.goto(functionPath(failing, "test"));
  await monacoInput(page, payloadEditor(page));
  await invokeButton(page).click();
  await expect(page.getByTestId("invoke-status")).toContainText("500");
  await page.getByTestId("invoke-log-link").click();
  await expect(page).toHaveURL(/\/logs\?view=executions&status=error$/);
  const row = page.getByTestId("execution-row").first();
  await expect(row).toContainText("ZeroDivisionError: division by zero");
  await expect(row).not.toContainText("Traceback (most recent call last)");
});

test("a disabled function is explained, not just refused", async ({ page, newFunction, developerApi: api }) => {
  const off = await newFunction("e2e-test-disabled");
  expect(
    (
      await api.patch(`/api/workspaces/${off.workspaceId}/functions/${off.id}`, { data: { status: "disabled" } })
    ).status(),
  ).toBe(200);
  await page.goto(functionPath(off, "test"));
  await expect(page.getByText("This function is disabled")).toBeVisible();
  await monacoInput(page, payloadEditor(page));
  await invokeButton(page).click();
  await expect(page.getByTestId("invoke-status")).toHaveText("409 FUNCTION_DISABLED");
  await expect(page.getByText("The function is disabled. Enable it in Settings to invoke it.")).toBeVisible();
});

test.describe("as a manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("there is no Invoke, and the page says why", async ({ page }) => {
    await page.goto(functionPath(echo, "test"));
    await monacoInput(page, payloadEditor(page));
    await expect(invokeButton(page)).toHaveCount(0);
    await expect(page.getByText("your role cannot invoke functions")).toBeVisible();
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(page.getByTestId("invoke-response")).toHaveCount(0);
  });

  test("the team's saved events are listed and load, but there is no Save, Make default or Delete", async ({
    page,
    browser,
    newFunction,
  }) => {
    const fn = await newFunction("e2e-test-events-viewer");
    const developerContext = await browser.newContext({ storageState: storageStateFor("developer") });
    try {
      await saveEvent(await developerContext.newPage(), fn, "shared order", '{"shared": true}');
    } finally {
      await developerContext.close();
    }

    await page.goto(functionPath(fn, "test"));
    await monacoInput(page, payloadEditor(page));
    await expect(eventRow(page, "shared order")).toBeVisible();
    await page.getByRole("button", { name: "Load shared order" }).click();
    await expect(payloadEditor(page)).toContainText('"shared": true');
    await expect(page.getByText("Your role can load these events but not save, delete or change them.")).toBeVisible();
    await expect(eventName(page)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Save payload" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Make shared order the default" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Delete shared order" })).toHaveCount(0);
  });
});
