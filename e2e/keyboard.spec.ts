import { type Locator, type Page } from "@playwright/test";
import { uniqueName } from "./support/api";
import { expect, test } from "./support/fixtures";
import { monacoInput } from "./support/page";
import { storageStateFor } from "./support/users";

/*
 * A developer who uses only the keyboard: creates a function, edits and saves its code, invokes it and
 * deletes it. No click anywhere; every control is reached with Tab and used with Enter, Space or the
 * console's shortcuts.
 */
test.use({ storageState: storageStateFor("developer") });
test.describe.configure({ timeout: 180_000 });

/** Presses Tab until `target` holds the focus (it must be reachable within `max` presses). */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (
      await target
        .evaluate((el) => el === document.activeElement || el.contains(document.activeElement))
        .catch(() => false)
    )
      return;
    await page.keyboard.press("Tab");
  }
  await expect(target, `not reachable with ${max} Tab presses`).toBeFocused();
}

const HANDLER = 'def handler(event):\n    return {"typed": "by keyboard", "got": event}\n';

test("create, edit, save, invoke and delete a function with the keyboard only", async ({ page, workspace }) => {
  const name = uniqueName("kbd");
  await page.goto(`/workspaces/${workspace.id}`);
  await expect(page.getByRole("heading", { level: 1, name: workspace.name })).toBeVisible();

  // Create
  await tabTo(page, page.getByRole("link", { name: "New function" }).first());
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "New function" })).toBeVisible();
  await tabTo(page, page.getByLabel("Name", { exact: true }));
  await page.keyboard.type(name);
  await tabTo(page, page.getByRole("button", { name: "Create function" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/functions\/[^/]+\/code$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // Edit and save: Tab into the editor, replace the text, Ctrl+S.
  const editor = await monacoInput(page);
  await tabTo(page, editor);
  await expect(editor).toHaveClass(/\bfocused\b/);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(HANDLER);
  await expect(page.getByTestId("dirty-marker")).toBeVisible();
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByText("All changes saved")).toBeVisible();

  // Leave the editor the way Monaco offers (Ctrl+M: Tab moves focus), then open the Test tab.
  await page.keyboard.press("ControlOrMeta+M");
  await tabTo(page, page.getByRole("link", { name: "Test", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/test$/);
  await expect(page.getByRole("button", { name: /^Invoke/ })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: /^Invoke/ }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("invoke-status")).toHaveText("200", { timeout: 30_000 });
  await expect(page.getByTestId("invoke-body")).toContainText("by keyboard");

  // Delete: Escape first (focus must come back to the button), then confirm.
  const del = page.getByRole("button", { name: `Delete function ${name}` });
  await tabTo(page, del);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: `Delete function ${name}?` });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(del).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByRole("button", { name: "Delete function" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/workspaces/${workspace.id}$`), { timeout: 30_000 });
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);
});
