import { type Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { BROKEN_PY, configuredRegistry, GREETER_PY, sourceFile } from "./support/pipeline";
import { REGISTRY_MISSING_REASON } from "./support/registry";
import { STALLED, startStalledStack } from "./support/stalled-task";
import { storageStateFor } from "./support/users";

test.describe.configure({ mode: "serial" });

/** Opens New build on the workspace's builds page, uploads `path`, and waits for the task page. */
async function startBuild(
  page: Page,
  ws: string,
  path: string,
  opts: { appName?: string; push?: boolean } = {},
): Promise<string> {
  await page.goto(`/workspaces/${ws}/builds`);
  await page.getByRole("button", { name: "New build" }).click();
  const dialog = page.getByRole("dialog", { name: "New build" });
  await dialog.getByLabel("Source file (.py or .zip)").setInputFiles(path);
  if (opts.appName) await dialog.getByLabel("App name (optional)").fill(opts.appName);
  if (opts.push) {
    await dialog.getByLabel("Build and push to a registry").check();
    await dialog.getByLabel("Registry", { exact: true }).selectOption({ index: 1 });
  }
  await dialog.getByRole("button", { name: opts.push ? "Build and push" : "Start build" }).click();
  // The task page, with the build's S3 source in the query (what Push offers to send on).
  await page.waitForURL(new RegExp(`/workspaces/${ws}/builds/[^/?]+(\\?source=[^&]+)?$`));
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}

test.describe("as a developer", () => {
  test.use({ storageState: storageStateFor("developer") });
  let ws: string;
  let wsName: string;
  let builtTaskId: string;
  const app = `e2e-ok-${Date.now().toString(36)}`;

  test.beforeAll(async ({ specWorkspaces }, testInfo) => {
    ({ id: ws, name: wsName } = await specWorkspaces.of(testInfo));
  });

  test("a valid handler builds: the task page follows it to completed", async ({ page }) => {
    builtTaskId = await startBuild(page, ws, sourceFile("handler.py", GREETER_PY), { appName: app });
    // Titled by its app and a short id, not by a raw UUID.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${app} · task ${builtTaskId.slice(0, 8)}`);
    await expect(page.getByTestId("task-status")).toHaveText("Completed", { timeout: 30_000 });
    await expect(page.getByText("Wasm package")).toBeVisible();
    await expect(page.getByText(app, { exact: true })).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("task-completed.png"), fullPage: true });
  });

  test("a broken handler fails, and the task page shows Python's error with its line", async ({ page }) => {
    await startBuild(page, ws, sourceFile("broken.py", BROKEN_PY));
    await expect(page.getByTestId("task-status")).toHaveText("Failed", { timeout: 30_000 });
    await expect(page.getByTestId("task-error")).toContainText(/line 3/);
    await expect(page.getByTestId("task-error")).toContainText(/SyntaxError/);
    await page.screenshot({ path: test.info().outputPath("task-failed.png"), fullPage: true });
  });

  test("wrong files are refused before anything is sent, and what was typed stays", async ({ page }) => {
    await page.goto(`/workspaces/${ws}/builds`);
    await page.getByRole("button", { name: "New build" }).click();
    const dialog = page.getByRole("dialog", { name: "New build" });
    await dialog.getByLabel("App name (optional)").fill("Not_Valid");
    await dialog.getByLabel("Source file (.py or .zip)").setInputFiles(sourceFile("notes.txt", "hello"));
    let uploads = 0;
    page.on("request", (r) => void (r.url().includes("/api/v1/build") && uploads++));
    await dialog.getByRole("button", { name: "Start build" }).click();
    await expect(dialog.getByText("Only .py and .zip files can be built.")).toBeVisible();
    await expect(dialog.getByText(/Use lower-case letters, digits and '-'/)).toBeVisible();
    await expect(dialog.getByLabel("App name (optional)")).toHaveValue("Not_Valid");
    expect(uploads).toBe(0);
  });

  test("a dropped file is taken like a chosen one", async ({ page }) => {
    await page.goto(`/workspaces/${ws}/builds`);
    await page.getByRole("button", { name: "New build" }).click();
    const dialog = page.getByRole("dialog", { name: "New build" });
    const dropped = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File(["def handler(event):\n    return event\n"], "dropped.py", { type: "text/x-python" }),
      );
      return transfer;
    });
    await dialog.getByText("Choose a file or drop it here.").dispatchEvent("drop", { dataTransfer: dropped });
    await expect(dialog.getByText(/^dropped\.py \(/)).toBeVisible();
    expect(
      await dialog.getByLabel("Source file (.py or .zip)").evaluate((el: HTMLInputElement) => el.files?.[0]?.name),
    ).toBe("dropped.py");
  });

  test("in Korean at 1024 px the page and the form read in Korean and fit", async ({ browser }) => {
    const context = await browser.newContext({
      storageState: storageStateFor("developer"),
      locale: "ko-KR",
      viewport: { width: 1024, height: 768 },
    });
    const page = await context.newPage();
    await page.goto(`/workspaces/${ws}/builds`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`빌드 · ${wsName}`);
    await page.getByRole("button", { name: "새 빌드" }).click();
    await expect(page.getByRole("dialog", { name: "새 빌드" }).getByLabel("소스 파일 (.py 또는 .zip)")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: test.info().outputPath("new-build-ko-1024.png") });
    await context.close();
  });

  test("the builds list shows the history with links, and the global page leads to it", async ({ page }) => {
    await page.goto(`/workspaces/${ws}/builds`);
    const row = page.getByRole("row").filter({ hasText: app });
    await expect(row.getByText("Completed")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: "SyntaxError" }).first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("builds-list.png"), fullPage: true });

    await page.goto(`/builds?workspace=${ws}`);
    await page.getByRole("link", { name: builtTaskId }).click();
    await expect(page).toHaveURL(new RegExp(`/workspaces/${ws}/builds/${builtTaskId}$`));
    await page.goto(`/builds?workspace=${ws}`);
    await page.getByRole("link", { name: "New build" }).click();
    await expect(page.getByRole("dialog", { name: "New build" })).toBeVisible();
  });

  test("without a registry, Build and push says so and explains REGISTRY_CREDENTIALS", async ({ page, request }) => {
    test.skip(!!(await configuredRegistry(request)), "a registry is configured: the push journeys below cover it");
    await page.goto(`/workspaces/${ws}/builds`);
    await page.getByRole("button", { name: "New build" }).click();
    const dialog = page.getByRole("dialog", { name: "New build" });
    await dialog.getByLabel("Build and push to a registry").check();
    await expect(dialog.getByRole("note")).toContainText("No registry is configured");
    await expect(dialog.getByRole("note")).toContainText("REGISTRY_CREDENTIALS");
    await expect(dialog.getByRole("button", { name: "Build and push" })).toBeDisabled();
  });

  test("build and push: the task ends with the pushed image's URL", async ({ page, request }) => {
    const registry = await configuredRegistry(request);
    test.skip(!registry, REGISTRY_MISSING_REASON);
    const taskId = await startBuild(page, ws, sourceFile("handler.py", GREETER_PY), {
      appName: `${app}-bp`,
      push: true,
    });
    await expect(page.getByTestId("task-status")).toHaveText("Completed", { timeout: 30_000 });
    // The repository follows the app name; the default tag "sha256" becomes task-{id}.
    await expect(page.getByTestId("task-image")).toHaveText(`${registry}/${app}-bp:task-${taskId}`);
    await expect(page.getByRole("heading", { name: "Deploy this image" })).toBeVisible();
  });

  test("a finished build-only task is pushed from its page", async ({ page, request }) => {
    const registry = await configuredRegistry(request);
    test.skip(!registry, REGISTRY_MISSING_REASON);
    await page.goto(`/workspaces/${ws}/builds/${builtTaskId}`);
    await page.getByLabel("Registry", { exact: true }).selectOption(registry!);
    await expect(page.getByLabel("Repository (optional)")).toHaveValue(app);
    await page.getByRole("button", { name: "Push", exact: true }).click();
    await page.waitForURL(
      (url) => url.pathname.startsWith(`/workspaces/${ws}/builds/`) && !url.pathname.endsWith(builtTaskId),
    );
    await expect(page.getByTestId("task-status")).toHaveText("Completed", { timeout: 30_000 });
    await expect(page.getByTestId("task-image")).toHaveText(`${registry}/${app}:task-${builtTaskId}`);
  });
});

test.describe("as a manager (viewer)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("sees the build history read-only", async ({ page, workspace }) => {
    const ws = workspace.id;
    await page.goto(`/workspaces/${ws}/builds`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Builds");
    await expect(page.getByText("Your role can view builds but not start them.")).toBeVisible();
    await expect(page.getByRole("button", { name: "New build" })).toHaveCount(0);
    await page.goto(`/builds?workspace=${ws}`);
    await expect(page.getByRole("link", { name: "New build" })).toHaveCount(0);
    // A finished task's page offers neither Push nor Deploy.
    const tasks = (await (await page.request.get(`/api/v1/workspaces/${ws}/tasks`)).json()) as Array<{
      task_id: string;
      status: string;
    }>;
    const done = tasks.find((t) => t.status === "completed");
    expect(done, "the developer journeys above leave a completed build").toBeTruthy();
    await page.goto(`/workspaces/${ws}/builds/${done!.task_id}`);
    await expect(page.getByRole("main").getByTestId("task-status")).toHaveText("Completed");
    await expect(page.getByRole("button", { name: "Push", exact: true })).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Deploy this image" })).toHaveCount(0);
    const upload = await page.request.post("/api/v1/build", {
      multipart: {
        workspace_id: ws,
        file: { name: "a.py", mimeType: "text/x-python", buffer: Buffer.from("x = 1\n") },
      },
    });
    expect(upload.status()).toBe(403);
  });
});

test.describe("a task that never ends", () => {
  test.skip(!!process.env.E2E_BASE_URL, "starts its own console from the local build");

  test("the task page stops polling after 10 minutes, says so, and can watch again", async ({ browser }) => {
    const stack = await startStalledStack(browser);
    try {
      const page = await stack.context.newPage();
      let asked = 0;
      page.on("request", (r) => {
        if (r.url().includes(`/tasks/${STALLED.taskId}`)) asked++;
      });
      await page.clock.install();
      await page.goto(`/workspaces/${STALLED.workspaceId}/builds/${STALLED.taskId}`);
      await expect(page.getByTestId("task-status")).toHaveText("Running");
      await expect(page.getByText("Checking every 5 s…")).toBeVisible();
      // Hydrated: the page's first own read of the task (on mount) comes after the watch's 10-minute
      // timer is set in the same commit. Jumping the clock before that (a slow, loaded machine) would
      // set the timer after the jump.
      await expect.poll(() => asked).toBeGreaterThan(0);
      // And one message-channel turn, after which React has run that commit's passive effects.
      await page.evaluate(
        () =>
          new Promise<void>((done) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => done();
            channel.port2.postMessage(null);
          }),
      );
      await page.clock.fastForward("10:01");
      await expect(page.getByText("Still running after 10 minutes.", { exact: false })).toBeVisible();
      await expect(page.getByText("Checking every 5 s…")).toHaveCount(0);
      // One poll may have been scheduled before the limit; after it, nothing more is asked.
      await page.clock.fastForward("00:10");
      // A request the page makes now is seen after any poll the fast-forwarded timers started.
      const barrier = () => page.evaluate(() => fetch("/api/health").then((r) => r.status));
      await barrier();
      const settled = asked;
      await page.clock.fastForward("02:00");
      await barrier();
      expect(asked).toBe(settled);
      const polledByServer = stack.polls();

      await page.getByRole("button", { name: "Keep watching" }).click();
      await expect.poll(() => asked).toBeGreaterThan(settled);
      await expect.poll(stack.polls).toBeGreaterThan(polledByServer);
      await expect(page.getByText("Checking every 5 s…")).toBeVisible();
    } finally {
      await stack.close();
    }
  });
});
