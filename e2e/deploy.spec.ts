import { type APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { configuredRegistry, GREETER_PY, waitForTask } from "./support/pipeline";
import { storageStateFor } from "./support/users";

test.describe.configure({ mode: "serial" });

/** With a registry, a real build-and-push of the function's source under its app name; else any valid reference. */
async function imageFor(request: APIRequestContext, ws: string, appName: string): Promise<string> {
  const registry = await configuredRegistry(request);
  if (!registry) return `registry.example/eunha/${appName}:v1`;
  const res = await request.post("/api/v1/build-and-push", {
    multipart: {
      workspace_id: ws,
      app_name: appName,
      registry_url: `${registry}/${appName}`,
      tag: "sha256",
      file: { name: "handler.py", mimeType: "text/x-python", buffer: Buffer.from(GREETER_PY) },
    },
  });
  expect(res.status()).toBe(202);
  const task = await waitForTask(request, ((await res.json()) as { task_id: string }).task_id);
  expect(task.status, task.error ?? "").toBe("completed");
  return task.result!.image_url ?? task.result!.image_uri!;
}

test.describe("as a developer", () => {
  test.use({ storageState: storageStateFor("developer") });

  test("preview the SpinApp YAML, deploy an image, and invoke the function at its new URL", async ({
    page,
    workspace,
    newFunction,
  }) => {
    const ws = workspace.id;
    const fn = await newFunction("e2e-deploy", { code: GREETER_PY });
    const image = await imageFor(page.request, ws, fn.name);
    const registry = await configuredRegistry(page.request);

    await page.goto(`/workspaces/${ws}/functions/${fn.id}/deploy`);
    await expect(page.getByRole("link", { name: "Deploy", exact: true })).toHaveAttribute("aria-current", "page");
    await expect(page.getByText(/^Not deployed yet:/)).toBeVisible();
    const imageInput = page.getByLabel("Image reference");
    // A pushed build under this function's app name is offered first; otherwise the reference is typed.
    if (registry) await expect(imageInput).toHaveValue(image);
    else await imageInput.fill(image);
    await expect(page.getByLabel("App name")).toHaveValue(fn.name);
    await expect(page.getByLabel("Namespace")).toHaveValue("default");

    // Client-side validation with the contract: the field says what is wrong, nothing is sent.
    await page.getByLabel("CPU limit").fill("half a core");
    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    await expect(page.getByText("Use a Kubernetes quantity such as 500m or 128Mi.")).toBeVisible();
    await page.getByLabel("CPU limit").fill("500m");
    await page.getByLabel("Memory limit").fill("128Mi");
    await page.screenshot({ path: test.info().outputPath("deploy-form.png"), fullPage: true });

    await page.getByRole("button", { name: "Preview YAML" }).click();
    const yaml = page.getByTestId("yaml-preview");
    await expect(yaml).toContainText("kind: SpinApp");
    await expect(yaml).toContainText(`image: ${image}`);
    // The preview is what the Builder scaffolds from the spec's body: resources apply at deploy time, and the form says so.
    await expect(yaml).not.toContainText("cpu: 500m");
    await expect(page.getByTestId("deploy-time-note")).toContainText("apply when you deploy");
    await yaml.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath("yaml-preview.png"), fullPage: true });

    await page.getByRole("button", { name: "Deploy", exact: true }).click();
    const endpoint = page.getByTestId("deploy-endpoint");
    await expect(endpoint).toHaveText(new RegExp(`/fn/${fn.id}$`), { timeout: 30_000 });
    const url = (await endpoint.textContent())!;
    await expect(page.getByRole("link", { name: "Try it on the Test tab" })).toHaveAttribute(
      "href",
      `/workspaces/${ws}/functions/${fn.id}/test`,
    );

    // The action revalidated the function's layout: header and current deployment show the new URL.
    const header = page.locator("header").filter({ has: page.getByRole("heading", { level: 1, name: fn.name }) });
    await expect(header.getByText(url, { exact: true })).toBeVisible();
    await expect(header.getByText("Never")).toHaveCount(0);
    await expect(page.getByTestId("current-invocation-url")).toHaveText(url);
    await page.screenshot({ path: test.info().outputPath("deploy-success.png"), fullPage: true });

    const invoked = await page.request.post(`/api/workspaces/${ws}/functions/${fn.id}/invoke`, {
      data: { name: "eunha" },
    });
    expect(invoked.status()).toBe(200);
    expect(await invoked.json()).toEqual({ greeting: "hello eunha" });
  });
});

test.describe("as a manager (viewer)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("sees the current deployment without any deploy control, and the API refuses a deploy", async ({
    page,
    workspace,
  }) => {
    // This spec's function, deployed by the developer's journey above (the file runs in order).
    const ws = workspace.id;
    const fns = (await (await page.request.get(`/api/workspaces/${ws}/functions`)).json()) as Array<{
      id: string;
      name: string;
    }>;
    const fn = fns[0]!;
    await page.goto(`/workspaces/${ws}/functions/${fn.id}/deploy`);
    await expect(page.getByRole("heading", { name: "Current deployment" })).toBeVisible();
    await expect(page.getByText("Your role can see the current deployment but not deploy.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Deploy", exact: true })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Preview YAML" })).toHaveCount(0);
    await expect(page.getByLabel("Image reference")).toHaveCount(0);

    const res = await page.request.post("/api/v1/deploy", {
      data: { app_name: "hijack", image_ref: "registry.example/x:1", function_id: fn.id },
    });
    expect(res.status()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
  });
});
