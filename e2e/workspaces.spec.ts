import { type Page } from "@playwright/test";
import { createFunction, removeWorkspace, uniqueName } from "./support/api";
import { expect, test } from "./support/fixtures";
import { workspaceName } from "./support/run-workspace";
import { storageStateFor } from "./support/users";

const cards = (page: Page) => page.getByRole("main").getByRole("listitem");
const statValue = (page: Page, label: string) =>
  page
    .getByRole("main")
    .locator("dt", { hasText: new RegExp(`^${label}$`) })
    .locator("xpath=following-sibling::dd[1]");

test.describe("as an admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("create a workspace after a validation error, rename it and find it by search", async ({ page, adminApi }) => {
    const name = workspaceName("ws");
    const renamed = `${name}-renamed`;
    await page.goto("/workspaces");
    await page.getByRole("button", { name: "New workspace" }).click();

    const create = page.getByRole("dialog", { name: "Create a workspace" });
    const nameInput = create.getByLabel("Name");
    await expect(nameInput).toBeFocused();
    await nameInput.press("Enter"); // Enter submits; the empty name is refused in the browser
    await expect(create.getByText("Enter a name.")).toBeVisible();
    await expect(nameInput).toHaveAttribute("aria-invalid", "true");
    await nameInput.fill(name);
    await expect(create.getByText("Enter a name.")).toBeHidden();
    await create.getByLabel("Description").fill("Made by the workspaces journey");
    await nameInput.press("Enter");

    await expect(page).toHaveURL(/\/workspaces\/[^/?]+$/);
    const workspaceId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
    try {
      await expect(page.getByText(`Workspace ${name} created`)).toBeVisible();
      await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
      await expect(page.getByText("Made by the workspaces journey")).toBeVisible();
      await expect(page.getByText("No functions yet")).toBeVisible();

      await page.getByRole("button", { name: "Edit" }).click();
      const edit = page.getByRole("dialog", { name: "Edit workspace" });
      await expect(edit.getByLabel("Name")).toHaveValue(name);
      await edit.getByLabel("Name").fill(" ");
      await edit.getByRole("button", { name: "Save changes" }).click();
      await expect(edit.getByText("Enter a name.")).toBeVisible();
      await edit.getByLabel("Name").fill(renamed);
      await edit.getByRole("button", { name: "Save changes" }).click();
      await expect(edit).toBeHidden();
      await expect(page.getByText(`Workspace ${renamed} saved`)).toBeVisible();
      await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
      await page.screenshot({ path: test.info().outputPath("workspace-page-admin.png"), fullPage: true });

      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workspaces" }).click();
      await page.getByLabel("Search workspaces").fill(renamed);
      await expect(page).toHaveURL((url) => url.searchParams.get("q") === renamed);
      await expect(cards(page)).toHaveCount(1);
      await expect(cards(page).getByRole("link", { name: renamed })).toBeVisible();

      await page.reload(); // the search lives in the URL
      await expect(page.getByLabel("Search workspaces")).toHaveValue(renamed);
      await expect(cards(page)).toHaveCount(1);

      await page.getByLabel("Search workspaces").fill(`${renamed}-nothing`);
      await expect(page.getByText(`No workspace matches “${renamed}-nothing”`)).toBeVisible();
      await page.getByRole("button", { name: "Clear search" }).click();
      await expect(page).toHaveURL((url) => !url.searchParams.has("q"));
      await expect(cards(page).getByRole("link", { name: renamed })).toBeVisible();
    } finally {
      await removeWorkspace(adminApi, workspaceId); // made through the UI, not by a fixture
    }
  });

  test("delete a workspace through the type-to-confirm dialog", async ({ page, newWorkspace, adminApi }) => {
    const ws = await newWorkspace("del");
    await createFunction(adminApi, ws.id, { name: uniqueName("doomed") });
    await page.goto(`/workspaces/${ws.id}`);
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: `Delete workspace ${ws.name}?` });
    await expect(dialog).toContainText("Its 1 function is deleted with it");
    const confirm = dialog.getByRole("button", { name: "Delete workspace" });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${ws.name} to confirm`).fill(ws.name.toUpperCase());
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(`Type ${ws.name} to confirm`).fill(ws.name);
    await confirm.click();

    await expect(page).toHaveURL(/\/workspaces$/);
    await expect(page.getByText(`Workspace ${ws.name} deleted`)).toBeVisible();
    await expect(page.getByRole("link", { name: ws.name })).toHaveCount(0);
    expect((await page.request.get(`/api/workspaces/${ws.id}`)).status()).toBe(404);
  });
});

test.describe("as a manager (viewer)", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("workspace pages are read-only", async ({ page, newWorkspace, adminApi }) => {
    const ws = await newWorkspace("ro", "Read-only check");
    const fn = await createFunction(adminApi, ws.id, { name: uniqueName("visible") });
    await page.goto("/workspaces");
    await expect(page.getByRole("heading", { level: 1, name: "Workspaces" })).toBeVisible();
    await expect(page.getByRole("button", { name: "New workspace" })).toHaveCount(0);

    await page.goto(`/workspaces/${ws.id}`);
    await expect(page.getByRole("heading", { level: 1, name: ws.name })).toBeVisible();
    await expect(page.getByRole("link", { name: fn.name })).toBeVisible();
    await expect(statValue(page, "Functions")).toHaveText("1");
    for (const name of ["Edit", "Delete", `Delete function ${fn.name}`]) {
      await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    }
    await expect(page.getByRole("link", { name: "New function" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Logs" })).toBeVisible();

    await page.goto(`/workspaces/${ws.id}/functions/new`);
    await expect(page.getByRole("main").getByText("Your role cannot create functions")).toBeVisible();
    await expect(page.getByRole("button", { name: "Create function" })).toHaveCount(0);
    await expect(page.getByLabel("Name")).toHaveCount(0);
  });

  test("the BFF refuses their writes with the error envelope", async ({ request, newWorkspace }) => {
    const ws = await newWorkspace("403");
    const attempts = [
      request.post("/api/workspaces", { data: { name: "x" } }),
      request.patch(`/api/workspaces/${ws.id}`, { data: { name: "taken over" } }),
      request.delete(`/api/workspaces/${ws.id}`),
      request.post(`/api/workspaces/${ws.id}/functions`, { data: { name: "f", httpMethods: ["GET"], code: "" } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status()).toBe(403);
      expect(await res.json()).toEqual({
        error: { code: "FORBIDDEN", message: expect.any(String), requestId: expect.any(String) },
      });
    }
    expect((await request.get(`/api/workspaces/${ws.id}`)).status()).toBe(200);
  });
});
