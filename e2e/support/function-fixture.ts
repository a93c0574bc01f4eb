import { findRunWorkspace, RUN_WORKSPACE_NAME } from "./run-workspace";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

/** What the BFF answers for a function (the fields the journeys look at). */
export type FunctionJson = {
  id: string;
  workspaceId: string;
  name: string;
  code: string;
  memory: number;
  timeout: number;
  status: "active" | "disabled";
  lastModified: string;
  environmentVariables: Record<string, string>;
};

export const ECHO_HANDLER = 'def handler(event):\n    return {"echo": event}\n';

/** Unique per run and per call, so journeys never meet each other's functions. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export const utf8Base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
export const fromBase64 = (b64: string) => Buffer.from(b64, "base64").toString("utf8");

/** The id of the embedded backend's seeded "Demo" workspace. */
export async function demoWorkspaceId(request: APIRequestContext): Promise<string> {
  // A staging run works in its own run-scoped workspace (see support/run-workspace).
  const run = await findRunWorkspace(request);
  if (run) return run.id;
  if (RUN_WORKSPACE_NAME)
    throw new Error(`the run's workspace ${RUN_WORKSPACE_NAME} is missing: did the setup project run?`);
  const res = await request.get("/api/workspaces");
  expect(res.status()).toBe(200);
  const list = (await res.json()) as { id: string; name: string }[];
  const demo = list.find((w) => w.name === "Demo");
  if (!demo) throw new Error("the Demo workspace is missing from GET /api/workspaces");
  return demo.id;
}

/** Creates a function through the BFF, as the signed-in user of `request`. */
export async function createFunction(
  request: APIRequestContext,
  workspaceId: string,
  fields: {
    name: string;
    code?: string;
    memory?: number;
    timeout?: number;
    environmentVariables?: Record<string, string>;
  },
): Promise<FunctionJson> {
  const res = await request.post(`/api/workspaces/${workspaceId}/functions`, {
    data: {
      name: fields.name,
      runtime: "Python 3.12",
      memory: fields.memory ?? 256,
      timeout: fields.timeout ?? 30,
      httpMethods: ["POST"],
      environmentVariables: fields.environmentVariables ?? {},
      code: utf8Base64(fields.code ?? ECHO_HANDLER),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as FunctionJson;
}

export async function getFunctionJson(
  request: APIRequestContext,
  fn: Pick<FunctionJson, "workspaceId" | "id">,
): Promise<FunctionJson> {
  const res = await request.get(`/api/workspaces/${fn.workspaceId}/functions/${fn.id}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as FunctionJson;
}

export async function deleteFunction(
  request: APIRequestContext,
  fn: Pick<FunctionJson, "workspaceId" | "id">,
): Promise<void> {
  await request.delete(`/api/workspaces/${fn.workspaceId}/functions/${fn.id}`);
}

export const functionPath = (fn: Pick<FunctionJson, "workspaceId" | "id">, tab: string) =>
  `/workspaces/${fn.workspaceId}/functions/${fn.id}/${tab}`;

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

type RequestFactory = {
  request: {
    newContext: (o: {
      baseURL?: string;
      storageState?: string;
      extraHTTPHeaders?: Record<string, string>;
    }) => Promise<APIRequestContext>;
  };
};

/**
 * An API client signed in with `storageState`, for beforeAll hooks (they get no test-scoped `request`).
 * One connection per request: this client idles while a page works, and a kept-alive socket that the
 * server closed meanwhile fails the next call with ECONNRESET.
 */
export async function apiAs(
  playwright: RequestFactory,
  baseURL: string | undefined,
  storageState: string,
): Promise<APIRequestContext> {
  return playwright.request.newContext({ baseURL, storageState, extraHTTPHeaders: { connection: "close" } });
}

/** A full-page screenshot kept with the test's output and attached to the HTML report. */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await test.info().attach(name, { path, contentType: "image/png" });
}
