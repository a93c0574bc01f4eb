import { type APIRequestContext, type Page } from "@playwright/test";
import { utf8Base64, type FunctionJson } from "./support/api";
import { expect, test } from "./support/fixtures";
import { configuredRegistry } from "./support/pipeline";
import { REGISTRY_MISSING_REASON } from "./support/registry";
import { storageStateFor } from "./support/users";

/*
 * Ship from the editor, end to end against the embedded platform with a real OCI registry
 * (Debian's docker-registry) as the push target: edit, Deploy, watch the stages (across a reload and
 * in a second tab), invoke the new endpoint, deploy again, roll back, a failed build and its Retry;
 * the manager's read-only history and the admin's Audit page. One function, shared by the steps.
 */
test.describe.configure({ mode: "serial" });

const version = (v: string) => `def handler(event): return {"version": "${v}"}`;
let fn: FunctionJson;

async function invoke(request: APIRequestContext): Promise<unknown> {
  const res = await request.post(`/api/workspaces/${fn.workspaceId}/functions/${fn.id}/invoke`, { data: {} });
  expect(res.status()).toBe(200);
  return res.json();
}

async function saveCode(request: APIRequestContext, code: string): Promise<void> {
  const res = await request.patch(`/api/workspaces/${fn.workspaceId}/functions/${fn.id}`, {
    data: { code: utf8Base64(code) },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** The run on screen reaches `status`; its stages are read from the server, not from this tab. */
async function expectRun(page: Page, status: "succeeded" | "failed"): Promise<void> {
  await expect(page.getByTestId("ship-run")).toHaveAttribute("data-status", status, { timeout: 45_000 });
}

const deployTab = () => `/workspaces/${fn.workspaceId}/functions/${fn.id}/deploy`;

test.describe("as a developer", () => {
  test.use({ storageState: storageStateFor("developer") });

  test("edit, Deploy from the Code tab, watch the stages through a reload and in a second tab, invoke the new code", async ({
    page,
    context,
    workspace,
    newFunction,
  }) => {
    test.skip(!(await configuredRegistry(page.request)), REGISTRY_MISSING_REASON);
    const ws = workspace.id;
    fn = await newFunction("ship", { code: version("draft") });

    await page.goto(`/workspaces/${ws}/functions/${fn.id}/code`);
    await page.getByTestId("code-editor").locator(".view-line").first().click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(version("one"));
    await expect(page.getByTestId("dirty-marker")).toBeVisible();

    // Unsaved edits: Deploy offers to save them first.
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Save and deploy?" });
    await dialog.getByRole("button", { name: "Save and deploy" }).click();

    // A first deploy asks to confirm the settings once, on the Deploy tab.
    await page.waitForURL((url) => url.pathname.endsWith("/deploy"));
    await expect(page.getByText("Confirm these settings once")).toBeVisible();
    // The ship panel's settings (the manual deploy form below has an App name of its own).
    const settings = page.getByRole("group", { name: "Deployment settings" });
    await expect(settings.getByLabel("App name")).toHaveValue(fn.name);
    await page.getByRole("button", { name: "Confirm and deploy" }).click();
    await page.waitForURL((url) => url.searchParams.has("run"));
    const runUrl = page.url();

    // Reload mid-way: the run goes on in the console's server and the stage view picks it up again.
    await expect(page.getByTestId("ship-run")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("stage-build")).toBeVisible();
    await expectRun(page, "succeeded");
    for (const stage of ["build", "scaffold", "deploy", "smoke"])
      await expect(page.getByTestId(`stage-${stage}`)).toHaveAttribute("data-state", "succeeded");
    await expect(page.getByTestId("stage-build")).toContainText(/task-/);
    await expect(page.getByTestId("stage-smoke")).toContainText(/"version":\s*"one"/);

    // Another tab sees the same run, from the store.
    const other = await context.newPage();
    await other.goto(runUrl);
    await expect(other.getByTestId("ship-run")).toHaveAttribute("data-status", "succeeded");
    await other.close();

    expect(await invoke(page.request)).toEqual({ version: "one" });
    await expect(page.getByTestId("deploy-state")).toHaveText("Deployed code is current");
  });

  test("change the code, deploy again, see the saved code drift, and roll back to the first answer", async ({
    page,
  }) => {
    test.skip(!fn, "needs the first deploy");
    await saveCode(page.request, version("two"));
    await page.goto(`/workspaces/${fn.workspaceId}/functions/${fn.id}/code`);
    // Settings are remembered now: Deploy starts at once and the Deploy tab follows the run.
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.has("run"));
    await expectRun(page, "succeeded");
    expect(await invoke(page.request)).toEqual({ version: "two" });

    // Saved but not deployed: the header says so and links to the diff.
    await saveCode(page.request, version("three"));
    await page.goto(deployTab());
    await page.getByTestId("deploy-state").filter({ hasText: "Changes not deployed" }).click();
    await expect(page.getByTestId("deployed-code-diff")).toBeVisible();

    const rows = page.getByTestId("deploy-history-row");
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toHaveAttribute("data-live", "true");
    await rows.last().getByRole("button", { name: "Roll back" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Roll back" }).click();
    await expect(page.getByTestId("ship-run")).toContainText("Rollback to");
    await expectRun(page, "succeeded");
    await expect(page.getByTestId("stage-build")).toHaveCount(0); // no rebuild
    expect(await invoke(page.request)).toEqual({ version: "one" });
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText("Rollback");
  });

  test("code with a syntax error is refused before anything starts", async ({ page }) => {
    test.skip(!fn, "needs the first deploy");
    const history = page.getByTestId("deploy-history-row");
    await saveCode(page.request, 'def handler(event):\n    return {"version": }\n');
    await page.goto(deployTab());
    await expect(history.first()).toBeVisible();
    const before = await history.count();
    await page.getByRole("button", { name: "Deploy saved code" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /syntax error at line 2/ })).toBeVisible();
    expect(new URL(page.url()).searchParams.has("run")).toBe(false);
    await page.reload();
    await expect(history).toHaveCount(before);
  });

  test("a failed build stops at the build stage with Python's error line, and Retry works after a fix", async ({
    page,
  }) => {
    test.skip(!fn, "needs the first deploy");
    // It parses, so it starts; the build's import check then fails on the missing module, line 2.
    await saveCode(
      page.request,
      "# needs a module the platform does not have\nimport not_a_module\n\ndef handler(event):\n    return {}\n",
    );
    await page.goto(deployTab());
    await page.getByRole("button", { name: "Deploy saved code" }).click();
    await page.waitForURL((url) => url.searchParams.has("run"));
    await expectRun(page, "failed");
    await expect(page.getByTestId("stage-build")).toHaveAttribute("data-state", "failed");
    await expect(page.getByTestId("stage-build")).toContainText(/line 2/);
    await expect(page.getByTestId("stage-build")).toContainText("not_a_module");
    await expect(page.getByTestId("stage-scaffold")).toHaveAttribute("data-state", "pending");

    await saveCode(page.request, version("four"));
    await page.getByRole("button", { name: "Retry from Build and push" }).click();
    await expectRun(page, "succeeded");
    await expect(page.getByTestId("stage-build")).not.toContainText("line 2");
    expect(await invoke(page.request)).toEqual({ version: "four" });
  });
});

test.describe("as a manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("sees the deployment history read-only", async ({ page }) => {
    test.skip(!fn, "needs the developer's deploys");
    await page.goto(deployTab());
    await expect(page.getByTestId("deploy-history-row")).toHaveCount(4);
    await expect(page.getByText("Only developers can deploy.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Roll back" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Deploy saved code" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    expect((await page.request.get("/api/audit/export")).status()).toBe(403);
  });
});

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("finds the deploys in the Audit page, filters them and exports CSV", async ({ page }) => {
    test.skip(!fn, "needs the developer's deploys");
    await page.goto("/");
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByLabel("Action").selectOption("deploy.create");
    await page.getByLabel("Workspace id").fill(fn.workspaceId);
    await page.getByRole("button", { name: "Apply" }).click();
    await page.waitForURL((url) => url.searchParams.get("action") === "deploy.create");
    const mine = page.getByTestId("audit-row").filter({ hasText: `functionId=${fn.id}` });
    // The deploys, the rollback and the retry, by the developer.
    await expect(mine.filter({ hasText: "ship=rollback" })).toHaveCount(1);
    await expect(mine.filter({ hasText: "ship=retry" })).toHaveCount(1);
    expect(await mine.filter({ hasText: "ship=deploy" }).count()).toBeGreaterThanOrEqual(3);
    await expect(mine.first()).toContainText("developer");

    const csv = await page.request.get(`/api/audit/export?action=deploy.create&workspace=${fn.workspaceId}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toBe("at,who,action,workspace_id,target,result,code,request_id");
    expect(text).toContain(fn.id);
  });
});
