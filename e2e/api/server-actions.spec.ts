import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "../support/fixtures";

/*
 * Server actions called directly over HTTP, as a script would, bypassing the UI that hides them: the
 * action's own check must refuse, and nothing may change. Action ids come from the local build's
 * server-reference manifest, so this runs against the local build only, and fails (never skips) without it.
 */

const MANIFEST = ".next/server/server-reference-manifest.json";
type Manifest = { node: Record<string, { exportedName: string; filename: string; workers: Record<string, unknown> }> };
let loaded: Manifest | undefined;
function manifest(): Manifest {
  if (!existsSync(MANIFEST)) throw new Error(`${MANIFEST} is missing: run \`npm run build\` before the journeys`);
  loaded ??= JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
  return loaded;
}

test.skip(!!process.env.E2E_BASE_URL, "needs the local build's server-reference manifest");

type Ids = { ws: string; fn: string };
let ids: Ids;
const contexts: Record<"anonymous" | "manager" | "developer" | "admin", APIRequestContext> = {} as never;

/** An action's id and a page that can run it, with the route's dynamic segments filled in. */
function target(file: string, name: string): { id: string; page: string } {
  const [id, entry] =
    Object.entries(manifest().node).find(([, v]) => v.filename === file && v.exportedName === name) ?? [];
  if (!id || !entry) throw new Error(`no action ${name} in ${file}`);
  const worker = Object.keys(entry.workers).find((w) => w.startsWith("app/(console)"))!;
  const page = worker
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace("[workspaceId]", ids.ws)
    .replace("[functionId]", ids.fn)
    .replace("[taskId]", "t-none");
  return { id, page: page || "/" };
}

/** What React's action client sends: the id in a header, the arguments as a JSON array. */
async function callAction(
  ctx: APIRequestContext,
  baseURL: string,
  file: string,
  name: string,
  args: unknown[],
): Promise<string> {
  const { id, page } = target(file, name);
  const res = await ctx.post(page, {
    headers: {
      "next-action": id,
      "content-type": "text/plain;charset=UTF-8",
      accept: "text/x-component",
      origin: baseURL,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return res.text();
}

test.beforeAll(async ({ baseURL, specWorkspaces, managerApi, developerApi, adminApi }, testInfo) => {
  contexts.anonymous = await playwrightRequest.newContext({ baseURL });
  Object.assign(contexts, { manager: managerApi, developer: developerApi, admin: adminApi });
  const ws = await specWorkspaces.of(testInfo);
  const code = Buffer.from("def handler(event):\n    return event\n").toString("base64");
  const fn = await (
    await contexts.admin.post(`/api/workspaces/${ws.id}/functions`, {
      data: { name: "kept", httpMethods: ["POST"], code },
    })
  ).json();
  ids = { ws: ws.id, fn: fn.id };
});

test.afterAll(async () => {
  await contexts.anonymous?.dispose();
});

const ref = () => ({ workspaceId: ids.ws, functionId: ids.fn });
const refusals: Array<[string, "anonymous" | "manager" | "developer", string, string, () => unknown[], string]> = [
  [
    "a viewer deleting a function",
    "manager",
    "server/actions/functions.ts",
    "deleteFunction",
    () => [ref()],
    "FORBIDDEN",
  ],
  [
    "a viewer saving settings",
    "manager",
    "server/actions/functions.ts",
    "saveFunctionSettings",
    () => [{ ...ref(), settings: { memory: 512 } }],
    "FORBIDDEN",
  ],
  [
    "a viewer disabling a function",
    "manager",
    "server/actions/functions.ts",
    "setFunctionStatus",
    () => [{ ...ref(), status: "disabled" }],
    "FORBIDDEN",
  ],
  [
    "a viewer saving code",
    "manager",
    "server/actions/function-code.ts",
    "saveFunctionCode",
    () => [{ ...ref(), code: "cHJpbnQoMSk=", expectedLastModified: "x" }],
    "FORBIDDEN",
  ],
  [
    "a viewer deploying",
    "manager",
    "server/actions/deploy.ts",
    "deploySpinApp",
    () => [{ app_name: "x", image_ref: "r.example/x:1", function_id: ids.fn }],
    "FORBIDDEN",
  ],
  [
    "a developer deleting a workspace",
    "developer",
    "server/actions/workspaces.ts",
    "deleteWorkspace",
    () => [{ workspaceId: ids.ws }],
    "FORBIDDEN",
  ],
  [
    "a developer creating a workspace",
    "developer",
    "server/actions/workspaces.ts",
    "createWorkspace",
    () => [{ name: "nope" }],
    "FORBIDDEN",
  ],
  [
    "a viewer creating a function",
    "manager",
    "server/actions/functions.ts",
    "createFunction",
    () => [{ workspaceId: ids.ws, name: "nope", httpMethods: ["POST"], code: "cHJpbnQoMSk=" }],
    "FORBIDDEN",
  ],
  [
    "a developer renaming a workspace",
    "developer",
    "server/actions/workspaces.ts",
    "updateWorkspace",
    () => [{ workspaceId: ids.ws, name: "renamed" }],
    "FORBIDDEN",
  ],
  [
    "a viewer scaffolding a SpinApp",
    "manager",
    "server/actions/deploy.ts",
    "scaffoldSpinApp",
    () => [{ app_name: "x", image_ref: "r.example/x:1" }],
    "FORBIDDEN",
  ],
  // Uploads are route handlers (POST /api/v1/build, /api/v1/build-and-push), in the authorization matrix.
  [
    "a viewer shipping the saved code",
    "manager",
    "server/actions/ship.ts",
    "startShipAction",
    () => [ref()],
    "FORBIDDEN",
  ],
  [
    "a viewer retrying a ship run",
    "manager",
    "server/actions/ship.ts",
    "retryShipAction",
    () => [{ ...ref(), runId: "00000000-0000-4000-8000-000000000000" }],
    "FORBIDDEN",
  ],
  [
    "a viewer rolling back",
    "manager",
    "server/actions/ship.ts",
    "rollbackAction",
    () => [{ ...ref(), deploymentId: "00000000-0000-4000-8000-000000000000" }],
    "FORBIDDEN",
  ],
  [
    "a viewer saving a test event",
    "manager",
    "server/actions/test-events.ts",
    "saveTestEventAction",
    () => [{ ...ref(), name: "nope", payload: "{}" }],
    "FORBIDDEN",
  ],
  [
    "a viewer deleting a test event",
    "manager",
    "server/actions/test-events.ts",
    "deleteTestEventAction",
    () => [{ ...ref(), eventId: "00000000-0000-4000-8000-000000000000" }],
    "FORBIDDEN",
  ],
  [
    "a viewer choosing the default test event",
    "manager",
    "server/actions/test-events.ts",
    "makeDefaultTestEventAction",
    () => [{ ...ref(), eventId: "00000000-0000-4000-8000-000000000000" }],
    "FORBIDDEN",
  ],
  [
    "a viewer pushing an image",
    "manager",
    "server/actions/builds.ts",
    "startPush",
    () => [{ registry_url: "r.example", workspace_id: ids.ws }],
    "FORBIDDEN",
  ],
  [
    "anyone without a session deleting a function",
    "anonymous",
    "server/actions/functions.ts",
    "deleteFunction",
    () => [ref()],
    "UNAUTHENTICATED",
  ],
];

/** Actions any visitor may call, and why that is safe. Everything else must have a refusal above. */
const open: Record<string, string> = {
  "server/actions/preferences.ts#setLocale": "sets the visitor's own language cookie, from a fixed list",
  "server/actions/preferences.ts#setTheme": "sets the visitor's own theme cookie, from a fixed list",
};

/** Every action exported by a "use server" module under server/actions, as file#name. */
function declaredActions(): string[] {
  return readdirSync("server/actions")
    .map((f) => join("server/actions", f))
    .filter((f) => f.endsWith(".ts") && /^["']use server["']/.test(readFileSync(f, "utf8")))
    .flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/^export (?:const|async function) (\w+)/gm)].map((m) => `${f}#${m[1]}`),
    );
}

test("the tables cover every server action, and the build has no action they do not know", () => {
  const declared = declaredActions();
  expect(declared.length).toBeGreaterThan(0);
  const covered = new Set([...refusals.map(([, , file, name]) => `${file}#${name}`), ...Object.keys(open)]);
  expect([...covered].sort()).toEqual([...new Set(declared)].sort());
  const built = Object.values(manifest().node)
    .filter((v) => v.filename.startsWith("server/actions/"))
    .map((v) => `${v.filename}#${v.exportedName}`);
  expect(built.length).toBeGreaterThan(0);
  for (const action of built) expect(declared).toContain(action);
});

test("the open preference actions refuse values outside their lists", async ({ baseURL }) => {
  expect(
    await callAction(contexts.developer, baseURL!, "server/actions/preferences.ts", "setLocale", ["xx"]),
  ).toContain('"ok":false');
  expect(
    await callAction(contexts.developer, baseURL!, "server/actions/preferences.ts", "setTheme", ["neon"]),
  ).toContain('"ok":false');
  expect(
    await callAction(contexts.developer, baseURL!, "server/actions/preferences.ts", "setTheme", ["dark"]),
  ).toContain('"ok":true');
});

for (const [what, who, file, name, args, code] of refusals) {
  test(`${what} is refused (${code}) and changes nothing`, async ({ baseURL }) => {
    const before = await (await contexts.admin.get(`/api/workspaces/${ids.ws}/functions/${ids.fn}`)).json();
    const tasksBefore = await (await contexts.admin.get(`/api/v1/workspaces/${ids.ws}/tasks`)).json();
    const workspaceBefore = await (await contexts.admin.get(`/api/workspaces/${ids.ws}`)).json();
    const answer = await callAction(contexts[who], baseURL!, file, name, args());
    expect(answer).toContain(`"code":"${code}"`);
    expect(answer).not.toContain('"ok":true');
    const after = await contexts.admin.get(`/api/workspaces/${ids.ws}/functions/${ids.fn}`);
    expect(after.status()).toBe(200);
    expect(await after.json()).toEqual(before);
    const workspaceAfter = await contexts.admin.get(`/api/workspaces/${ids.ws}`);
    expect(workspaceAfter.status()).toBe(200);
    expect((await workspaceAfter.json()).name).toBe(workspaceBefore.name);
    expect(await (await contexts.admin.get(`/api/v1/workspaces/${ids.ws}/tasks`)).json()).toEqual(tasksBefore);
  });
}

test("the same call by a role that may do it goes through (so the refusals above are meaningful)", async ({
  baseURL,
}) => {
  const answer = await callAction(contexts.developer, baseURL!, "server/actions/functions.ts", "setFunctionStatus", [
    { ...ref(), status: "disabled" },
  ]);
  expect(answer).toContain('"ok":true');
  const fn = await (await contexts.admin.get(`/api/workspaces/${ids.ws}/functions/${ids.fn}`)).json();
  expect(fn.status).toBe("disabled");
});
