import { expect, test, type Page } from "@playwright/test";

/* Page helpers the journeys share: Monaco, and screenshots kept with the report. */

/**
 * Waits until Monaco has mounted inside `container` (its wrapper stops being aria-busy once its commands
 * and change listener exist) and drawn its lines; returns its editor element.
 */
export async function monacoInput(page: Page, container = page.getByTestId("code-editor")) {
  await expect(container.locator('section[aria-busy="false"]').first()).toBeAttached({ timeout: 45_000 });
  const editor = container.locator(".monaco-editor").first();
  await expect(editor.locator(".view-lines")).toBeAttached();
  return editor;
}

/** Focuses the Monaco editor in `container` (Monaco marks its root `.focused`; input may be an EditContext, not a textarea). */
export async function focusEditor(page: Page, container = page.getByTestId("code-editor")): Promise<void> {
  const editor = await monacoInput(page, container);
  await editor.locator(".view-lines").click();
  await expect(editor).toHaveClass(/\bfocused\b/);
}

/**
 * Replaces the whole text of the Monaco editor in `container` as a user would: select all, then paste.
 * Pasted, not typed, because typing a newline auto-indents in Python and would change the text.
 */
export async function replaceEditorText(
  page: Page,
  text: string,
  container = page.getByTestId("code-editor"),
): Promise<void> {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await focusEditor(page, container);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("ControlOrMeta+V");
}

/** A full-page screenshot kept with the test's output and attached to the HTML report. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: "image/png" });
}
