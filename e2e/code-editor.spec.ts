import { fromBase64, functionPath, getFunctionJson, utf8Base64 } from "./support/api";
import { expect, test } from "./support/fixtures";
import { monacoInput, replaceEditorText, saveScreenshot } from "./support/page";
import { storageStateFor } from "./support/users";

test.use({ storageState: storageStateFor("developer") });
// Monaco is a few MB of script; with tracing on a busy two-core runner one page load can take 20 s.
test.describe.configure({ timeout: 120_000 });

const KOREAN_CODE = [
  "# 인사 함수: 한국어 주석과 문자열이 그대로 저장되어야 합니다 ✓",
  "def handler(event):",
  '    name = event.get("name", "세계")',
  '    return {"greeting": f"안녕하세요, {name}!"}',
  "",
].join("\n");

test("Korean code typed in Monaco is saved with Ctrl+S and survives byte for byte", async ({
  page,
  newFunction,
  developerApi: api,
}) => {
  const fn = await newFunction("e2e-code-ko");
  await page.goto(functionPath(fn, "code"));
  await replaceEditorText(page, KOREAN_CODE);
  await expect(page.getByTestId("dirty-marker")).toBeVisible();
  await expect(page.getByTestId("code-status-bar")).toContainText("UTF-8");
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByText("All changes saved")).toBeVisible();
  await saveScreenshot(page, "code-editor");

  const stored = await getFunctionJson(api, fn);
  expect(stored.code).toBe(utf8Base64(KOREAN_CODE));
  expect(Buffer.from(stored.code, "base64").equals(Buffer.from(KOREAN_CODE, "utf8"))).toBe(true);

  await page.reload();
  await monacoInput(page);
  await expect(page.getByTestId("code-editor")).toContainText("안녕하세요");
  await expect(page.getByTestId("code-editor")).toContainText("한국어 주석과 문자열이");
  await expect(page.getByText("All changes saved")).toBeVisible();
});

test("CRLF line endings are kept when a line is edited", async ({ page, newFunction, developerApi: api }) => {
  const crlf = 'def handler(event):\r\n    return {"crlf": True}\r\n';
  const fn = await newFunction("e2e-code-crlf", { code: crlf });
  await page.goto(functionPath(fn, "code"));
  await monacoInput(page);
  await expect(page.getByTestId("code-status-bar")).toContainText("CRLF");
  await page.getByTestId("code-editor").locator(".view-line").first().click();
  await page.keyboard.press("End");
  await page.keyboard.insertText("  # 끝");
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByText("All changes saved")).toBeVisible();
  const stored = fromBase64((await getFunctionJson(api, fn)).code);
  expect(stored).toBe('def handler(event):  # 끝\r\n    return {"crlf": True}\r\n');
});

test("U+2028 and U+2029 inside the code are kept byte for byte: not unsaved on open, not lost on save", async ({
  page,
  newFunction,
  developerApi: api,
}) => {
  const unusual = 'def handler(event):\n    return {"sep": "a\u2028b\u2029c"}\n';
  const fn = await newFunction("e2e-code-u2028", { code: unusual });
  await page.goto(functionPath(fn, "code"));
  await monacoInput(page);
  await expect(page.getByText("All changes saved")).toBeVisible();
  await expect(page.getByTestId("dirty-marker")).toHaveCount(0);
  await page.getByTestId("code-editor").locator(".view-line").first().click();
  await page.keyboard.press("End");
  await page.keyboard.insertText("  # kept");
  await expect(page.getByTestId("dirty-marker")).toBeVisible();
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByText("All changes saved")).toBeVisible();
  const stored = fromBase64((await getFunctionJson(api, fn)).code);
  expect(stored).toBe('def handler(event):  # kept\n    return {"sep": "a\u2028b\u2029c"}\n');
});

test("a save over someone else's change shows both versions instead of overwriting", async ({
  page,
  newFunction,
  developerApi: api,
}) => {
  const fn = await newFunction("e2e-code-conflict");
  await page.goto(functionPath(fn, "code"));
  await replaceEditorText(page, "def handler(event):\n    return 'mine'\n");

  // Someone else saves while this page is open.
  const theirs = "def handler(event):\n    return 'theirs'\n";
  const patch = await api.patch(`/api/workspaces/${fn.workspaceId}/functions/${fn.id}`, {
    data: { code: utf8Base64(theirs) },
  });
  expect(patch.status()).toBe(200);

  await page.keyboard.press("ControlOrMeta+S");
  const dialog = page.getByRole("dialog", { name: "Someone saved this function while you were editing" });
  await expect(dialog).toBeVisible();
  const diff = dialog.getByTestId("conflict-diff");
  await expect(diff).toContainText("'theirs'");
  await expect(diff).toContainText("'mine'");
  await saveScreenshot(page, "code-conflict");
  expect(fromBase64((await getFunctionJson(api, fn)).code)).toBe(theirs);

  // Keep editing: the edit stays, and the next save overwrites deliberately.
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("dirty-marker")).toBeVisible();
  await page.getByRole("button", { name: /^Save/ }).click();
  await expect(page.getByText("All changes saved")).toBeVisible();
  expect(fromBase64((await getFunctionJson(api, fn)).code)).toBe("def handler(event):\n    return 'mine'\n");
});

test("discarding mine in a conflict loads their version", async ({ page, newFunction, developerApi: api }) => {
  const fn = await newFunction("e2e-code-theirs");
  await page.goto(functionPath(fn, "code"));
  await replaceEditorText(page, "def handler(event):\n    return 'lost on purpose'\n");
  const theirs = "def handler(event):\n    return 'theirs wins'\n";
  await api.patch(`/api/workspaces/${fn.workspaceId}/functions/${fn.id}`, { data: { code: utf8Base64(theirs) } });
  await page.getByRole("button", { name: /^Save/ }).click();
  await page.getByRole("button", { name: "Discard mine and load theirs" }).click();
  await expect(page.getByTestId("code-editor")).toContainText("theirs wins");
  await expect(page.getByText("All changes saved")).toBeVisible();
  expect(fromBase64((await getFunctionJson(api, fn)).code)).toBe(theirs);
});

test("an unsaved edit comes back after a reload, and can be discarded", async ({ page, newFunction }) => {
  const fn = await newFunction("e2e-code-draft");
  await page.goto(functionPath(fn, "code"));
  await replaceEditorText(page, "def handler(event):\n    return '초안'\n");
  await expect(page.getByTestId("dirty-marker")).toBeVisible();
  page.on("dialog", (d) => void d.accept()); // the reload's beforeunload prompt
  await page.reload();
  await expect(
    page.getByText(/Your unsaved edits from \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} KST were restored/),
  ).toBeVisible();
  await monacoInput(page);
  await expect(page.getByTestId("code-editor")).toContainText("초안");
  await expect(page.getByTestId("dirty-marker")).toBeVisible();

  await page.getByRole("button", { name: "Discard them" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByText("All changes saved")).toBeVisible();
  await expect(page.getByTestId("code-editor")).toContainText('"echo"');
  await page.reload();
  await monacoInput(page);
  await expect(page.getByText(/were restored/)).toHaveCount(0);
});

test("Ruff marks lint problems as you type, and Format rewrites the document with Ruff's formatter", async ({
  page,
  newFunction,
  developerApi: api,
}) => {
  const fn = await newFunction("e2e-code-ruff");
  const wasm: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(r.url());
  });
  await page.goto(functionPath(fn, "code"));
  const editor = page.getByTestId("code-editor");
  await replaceEditorText(page, "import os\ndef handler( event ):\n    return {'a':missing_name}\n");

  // An undefined name is an error, an unused import a faded warning; hovering says which rule.
  await expect(editor.locator(".squiggly-error").first()).toBeAttached();
  await expect(editor.locator(".squiggly-inline-unnecessary").first()).toBeAttached();
  await editor.locator(".view-line").filter({ hasText: "missing_name" }).getByText("missing_name").hover();
  await expect(
    page.locator(".monaco-hover").filter({ hasText: "Undefined name `missing_name`" }).first(),
  ).toBeVisible();
  // Ruff's WebAssembly comes from the console itself, never from a CDN.
  expect(wasm.length).toBeGreaterThan(0);
  for (const url of wasm) expect(new URL(url).origin).toBe(new URL(page.url()).origin);

  await page.getByRole("button", { name: /^Format/ }).click();
  await expect(editor).toContainText('return {"a": missing_name}');
  await expect(page.getByTestId("dirty-marker")).toBeVisible();
  await page.keyboard.press("ControlOrMeta+S");
  await expect(page.getByText("All changes saved")).toBeVisible();
  expect(fromBase64((await getFunctionJson(api, fn)).code)).toBe(
    'import os\n\n\ndef handler(event):\n    return {"a": missing_name}\n',
  );

  // A syntax error is marked as you type, and Format says why it cannot run instead of mangling the code.
  await replaceEditorText(page, "def handler(:\n    return 1\n");
  await expect(editor.locator(".squiggly-error").first()).toBeAttached();
  await page.getByRole("button", { name: /^Format/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ruff could not format this code" })).toBeVisible();
  await expect(editor).toContainText("def handler(:");
});

test("a draft restored after someone else saved goes through the conflict check", async ({
  page,
  newFunction,
  developerApi: api,
}) => {
  const fn = await newFunction("e2e-code-stale");
  await page.goto(functionPath(fn, "code"));
  await replaceEditorText(page, "def handler(event):\n    return 'my draft'\n");
  await expect(page.getByTestId("dirty-marker")).toBeVisible();
  // The draft is written a moment after typing stops: wait until this browser holds it.
  await expect
    .poll(() => page.evaluate((id) => localStorage.getItem(`eunha.code-draft.v1.${id}`) ?? "", fn.id))
    .toContain("my draft");
  page.on("dialog", (d) => void d.accept()); // the beforeunload prompt: leave anyway
  await page.goto("about:blank"); // the draft stays in this browser
  const theirs = "def handler(event):\n    return 'saved meanwhile'\n";
  await api.patch(`/api/workspaces/${fn.workspaceId}/functions/${fn.id}`, { data: { code: utf8Base64(theirs) } });

  await page.goto(functionPath(fn, "code"));
  await expect(page.getByText("Someone saved this function since then")).toBeVisible();
  // The editor loads lazily (Monaco and Ruff): on a loaded runner that can outlast a plain expect.
  await monacoInput(page);
  await expect(page.getByTestId("code-editor")).toContainText("my draft");
  await page.getByRole("button", { name: /^Save/ }).click();
  const dialog = page.getByRole("dialog", { name: "Someone saved this function while you were editing" });
  await expect(dialog.getByTestId("conflict-diff")).toContainText("saved meanwhile");
  expect(fromBase64((await getFunctionJson(api, fn)).code)).toBe(theirs);
});

test("leaving with unsaved edits asks first", async ({ page, newFunction }) => {
  const fn = await newFunction("e2e-code-leave");
  await page.goto(functionPath(fn, "code"));
  await replaceEditorText(page, "def handler(event):\n    return 'unsaved'\n");
  const tabs = page.getByRole("navigation", { name: "Function sections" });

  await tabs.getByRole("link", { name: "Settings" }).click();
  const ask = page.getByRole("dialog", { name: "Leave with unsaved changes?" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/code$/);
  await expect(page.getByTestId("dirty-marker")).toBeVisible();

  await tabs.getByRole("link", { name: "Settings" }).click();
  await page
    .getByRole("dialog", { name: "Leave with unsaved changes?" })
    .getByRole("button", { name: "Leave" })
    .click();
  await expect(page).toHaveURL(/\/settings$/);
});

test.describe("as a manager", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("the code is read-only: no save, typing changes nothing", async ({ page, newFunction }) => {
    const fn = await newFunction("e2e-code-viewer");
    await page.goto(functionPath(fn, "code"));
    await monacoInput(page);
    await expect(page.getByText("Read-only", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Save/ })).toHaveCount(0);
    await page.getByTestId("code-editor").locator(".view-line").first().click();
    await page.keyboard.insertText("# nope");
    await expect(page.getByTestId("code-editor")).not.toContainText("# nope");
    await expect(page.getByTestId("dirty-marker")).toHaveCount(0);
  });
});
