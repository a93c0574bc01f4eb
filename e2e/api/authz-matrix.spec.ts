import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { removeWorkspace } from "../support/api";
import { expect, test } from "../support/fixtures";
import { workspaceName } from "../support/run-workspace";

/*
 * Every BFF route handler, called as anonymous, viewer (manager), developer and admin, through real
 * sign-ins: each cell asserts the exact status. Allowed calls do the real thing against the embedded
 * backend; refused ones must be refused before reaching it.
 */

type Who = "anonymous" | "viewer" | "developer" | "admin";
const WHO: Who[] = ["anonymous", "viewer", "developer", "admin"];
type Ids = { ws: string; fn: string; spare: Record<Who, string>; tmpWs: Record<Who, string>; task: string };
type Row = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** The route's path template, as its folder under app/ spells it. */
  route: string;
  path: (ids: Ids, who: Who) => string;
  json?: (who: Who) => unknown;
  multipart?: Record<string, string | { name: string; mimeType: string; buffer: Buffer }>;
  expect: [anonymous: number, viewer: number, developer: number, admin: number];
};

const py = (name: string, source: string) => ({ name, mimeType: "text/x-python", buffer: Buffer.from(source) });
const HANDLER = 'def handler(event):\n    return {"ok": True, "echo": event}\n';
const READ: Row["expect"] = [401, 200, 200, 200];
const DEVELOPER: (ok: number) => Row["expect"] = (ok) => [401, 403, ok, ok];
const ADMIN: (ok: number) => Row["expect"] = (ok) => [401, 403, 403, ok];
const W = "/api/workspaces/[workspaceId]";
const F = `${W}/functions/[functionId]`;
const NO_DEPLOYMENT = "00000000-0000-4000-8000-000000000000";

const rows: Row[] = [
  { method: "GET", route: "/api/workspaces", path: () => "/api/workspaces", expect: READ },
  {
    method: "POST",
    route: "/api/workspaces",
    path: () => "/api/workspaces",
    json: (w) => ({ name: `matrix-${w}-${Date.now()}` }),
    expect: ADMIN(201),
  },
  { method: "GET", route: W, path: (i) => `/api/workspaces/${i.ws}`, expect: READ },
  {
    method: "PATCH",
    route: W,
    path: (i, w) => `/api/workspaces/${i.tmpWs[w]}`,
    json: () => ({ description: "patched by the matrix" }),
    expect: ADMIN(200),
  },
  { method: "DELETE", route: W, path: (i, w) => `/api/workspaces/${i.tmpWs[w]}`, expect: ADMIN(204) },
  { method: "GET", route: `${W}/logs`, path: (i) => `/api/workspaces/${i.ws}/logs?limit=5`, expect: READ },
  { method: "GET", route: `${W}/functions`, path: (i) => `/api/workspaces/${i.ws}/functions`, expect: READ },
  {
    method: "POST",
    route: `${W}/functions`,
    path: (i) => `/api/workspaces/${i.ws}/functions`,
    json: (w) => ({
      name: `matrix-${w}-${Date.now()}`,
      httpMethods: ["POST"],
      code: Buffer.from(HANDLER).toString("base64"),
    }),
    expect: DEVELOPER(201),
  },
  { method: "GET", route: F, path: (i) => `/api/workspaces/${i.ws}/functions/${i.fn}`, expect: READ },
  {
    method: "PATCH",
    route: F,
    path: (i) => `/api/workspaces/${i.ws}/functions/${i.fn}`,
    json: () => ({ description: "patched by the matrix" }),
    expect: DEVELOPER(200),
  },
  {
    method: "DELETE",
    route: F,
    path: (i, w) => `/api/workspaces/${i.ws}/functions/${i.spare[w]}`,
    expect: DEVELOPER(204),
  },
  {
    method: "POST",
    route: `${F}/invoke`,
    path: (i) => `/api/workspaces/${i.ws}/functions/${i.fn}/invoke`,
    json: () => ({ from: "matrix" }),
    expect: DEVELOPER(200),
  },
  {
    method: "GET",
    route: `${F}/logs`,
    path: (i) => `/api/workspaces/${i.ws}/functions/${i.fn}/logs?limit=5`,
    expect: READ,
  },
  {
    method: "GET",
    route: `${F}/env/[name]`,
    path: (i) => `/api/workspaces/${i.ws}/functions/${i.fn}/env/API_TOKEN`,
    expect: DEVELOPER(200),
  },
  {
    method: "GET",
    route: "/api/functions/[functionId]/loki-logs",
    path: (i) => `/api/functions/${i.fn}/loki-logs?limit=5`,
    expect: READ,
  },
  {
    method: "GET",
    route: "/api/functions/[functionId]/metrics",
    path: (i) => `/api/functions/${i.fn}/metrics`,
    expect: READ,
  },
  {
    method: "POST",
    route: "/api/v1/build",
    path: () => "/api/v1/build",
    multipart: { app_name: "matrix-app", file: py("main.py", HANDLER) },
    expect: DEVELOPER(202),
  },
  { method: "GET", route: "/api/v1/tasks/[taskId]", path: (i) => `/api/v1/tasks/${i.task}`, expect: READ },
  {
    method: "GET",
    route: "/api/v1/workspaces/[workspaceId]/tasks",
    path: (i) => `/api/v1/workspaces/${i.ws}/tasks`,
    expect: READ,
  },
  // No registry is configured for this stack, so an allowed push is a 400 on registry_url.
  {
    method: "POST",
    route: "/api/v1/push",
    path: () => "/api/v1/push",
    json: () => ({ registry_url: "registry.invalid/app", tag: "v1" }),
    expect: DEVELOPER(400),
  },
  {
    method: "POST",
    route: "/api/v1/build-and-push",
    path: () => "/api/v1/build-and-push",
    multipart: { registry_url: "registry.invalid/app", file: py("main.py", HANDLER) },
    expect: DEVELOPER(400),
  },
  {
    method: "POST",
    route: "/api/v1/scaffold",
    path: () => "/api/v1/scaffold",
    json: () => ({ image_ref: "registry.example/team/app:v1" }),
    expect: DEVELOPER(200),
  },
  {
    method: "POST",
    route: "/api/v1/deploy",
    path: () => "/api/v1/deploy",
    json: (w) => ({ app_name: `matrix-${w}`, image_ref: "registry.example/team/app:v1" }),
    expect: DEVELOPER(200),
  },
  { method: "GET", route: "/api/v1/registries", path: () => "/api/v1/registries", expect: DEVELOPER(200) },
  { method: "GET", route: "/api/dashboard", path: () => "/api/dashboard", expect: READ },
  { method: "GET", route: "/api/audit/export", path: () => "/api/audit/export", expect: ADMIN(200) },
  {
    method: "GET",
    route: `${F}/deployments`,
    path: (i) => `/api/workspaces/${i.ws}/functions/${i.fn}/deployments`,
    expect: READ,
  },
  // A deployment id the store does not hold: who may read is settled before anything is looked up
  // (anonymous 401), and every reader then gets the same 404.
  {
    method: "GET",
    route: `${F}/deployments/[deploymentId]`,
    path: (i) => `/api/workspaces/${i.ws}/functions/${i.fn}/deployments/${NO_DEPLOYMENT}`,
    expect: [401, 404, 404, 404],
  },
  {
    method: "GET",
    route: `${F}/deployments/[deploymentId]/code`,
    path: (i) => `/api/workspaces/${i.ws}/functions/${i.fn}/deployments/${NO_DEPLOYMENT}/code`,
    expect: [401, 404, 404, 404],
  },
  { method: "GET", route: "/api/dashboard/export", path: () => "/api/dashboard/export?scope=functions", expect: READ },
];

const contexts = {} as Record<Who, APIRequestContext>;
let ids: Ids;

test.beforeAll(async ({ baseURL, specWorkspaces, managerApi, developerApi, adminApi }, testInfo) => {
  contexts.anonymous = await playwrightRequest.newContext({ baseURL });
  Object.assign(contexts, { viewer: managerApi, developer: developerApi, admin: adminApi });
  const admin = contexts.admin;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture answers, checked by ok()
  const ok = async (res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<any> => {
    expect(res.ok(), `${res.url()} → ${res.status()} ${await res.text()}`).toBe(true);
    return res.json();
  };
  const ws = await specWorkspaces.of(testInfo);
  const fnBody = (name: string) => ({
    name,
    httpMethods: ["POST"],
    environmentVariables: { API_TOKEN: "matrix-token-value" },
    code: Buffer.from(HANDLER).toString("base64"),
  });
  const fn = await ok(await admin.post(`/api/workspaces/${ws.id}/functions`, { data: fnBody("matrix-target") }));
  const spare = {} as Record<Who, string>;
  const tmpWs = {} as Record<Who, string>;
  for (const who of WHO) {
    spare[who] = (
      await ok(await admin.post(`/api/workspaces/${ws.id}/functions`, { data: fnBody(`spare-${who}`) }))
    ).id;
    tmpWs[who] = (
      await ok(await admin.post("/api/workspaces", { data: { name: workspaceName(`matrix-tmp-${who}`) } }))
    ).id;
  }
  const build = await ok(
    await admin.post("/api/v1/build", { multipart: { workspace_id: ws.id, file: py("main.py", HANDLER) } }),
  );
  ids = { ws: ws.id, fn: fn.id, spare, tmpWs, task: build.task_id };
});

test.afterAll(async () => {
  // The spec's workspace goes with the worker; the ones made to be deleted go now (the admin's row already did).
  if (ids) for (const id of Object.values(ids.tmpWs)) await removeWorkspace(contexts.admin, id);
  await contexts.anonymous.dispose();
});

for (const row of rows) {
  test(`${row.method} ${row.route}`, async () => {
    for (const [n, who] of WHO.entries()) {
      const res = await contexts[who].fetch(row.path(ids, who), {
        method: row.method,
        ...(row.json ? { data: row.json(who) } : {}),
        ...(row.multipart ? { multipart: row.multipart } : {}),
      });
      const expected = row.expect[n]!;
      expect(res.status(), `${who}: ${await res.text()}`).toBe(expected);
      if (expected >= 400) {
        const body = await res.json();
        expect(body.error.code).toBe(
          { 400: "VALIDATION_ERROR", 401: "UNAUTHENTICATED", 403: "FORBIDDEN", 404: "NOT_FOUND" }[
            expected as 400 | 401 | 403 | 404
          ],
        );
      }
    }
  });
}

/** Every route file under app/api (but next-auth's and the health check) has its methods in the matrix. */
test("the matrix covers every route handler", () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "route.ts") files.push(full);
    }
  };
  walk("app/api");
  const declared = files
    .filter((f) => !f.includes("[...nextauth]") && !f.includes(join("api", "health")))
    .flatMap((f) => {
      const route = "/" + f.replace(/\/route\.ts$/, "").replace(/^app\//, "");
      return [...readFileSync(f, "utf8").matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map(
        (m) => `${m[1]} ${route}`,
      );
    });
  expect(rows.map((r) => `${r.method} ${r.route}`).sort()).toEqual(declared.sort());
});

/*
 * Headers that have let requests skip Next middleware or impersonate users elsewhere. Each one alone:
 * anonymous stays 401, a viewer's mutation stays 403. Next answers `x-middleware-prefetch` itself with
 * an empty `{}` before any handler runs: for that one the test asserts what matters, no data out and
 * nothing changed.
 */
const BYPASS_HEADERS: Array<[string, string]> = [
  ["x-middleware-subrequest", "middleware:middleware:middleware:middleware:middleware"],
  ["x-middleware-subrequest", "proxy:proxy:proxy:proxy:proxy"],
  ["x-middleware-prefetch", "1"],
  ["x-invoke-path", "/api/health"],
  ["x-invoke-status", "200"],
  ["x-forwarded-user", "admin@eunha.local"],
  ["x-eunha-roles", "admin"],
  ["x-eunha-user", "admin@eunha.local"],
  ["authorization", "Bearer forged"],
];

for (const [name, value] of BYPASS_HEADERS) {
  test(`bypass header ${name}: ${value} skips neither authentication nor authorization`, async () => {
    const nextAnswersItself = name === "x-middleware-prefetch";
    const anonymous = await contexts.anonymous.get("/api/workspaces", { headers: { [name]: value } });
    const anonymousBody = await anonymous.text();
    expect(anonymousBody).not.toContain(ids.ws);
    if (!nextAnswersItself) expect(anonymous.status()).toBe(401);

    const workspaceName = `bypass-${Date.now()}`;
    const viewer = await contexts.viewer.post("/api/workspaces", {
      headers: { [name]: value },
      data: { name: workspaceName },
    });
    if (!nextAnswersItself) expect(viewer.status()).toBe(403);
    const all = await (await contexts.admin.get("/api/workspaces")).json();
    expect(all.map((w: { name: string }) => w.name)).not.toContain(workspaceName);

    const upload = await contexts.anonymous.post("/api/v1/build", {
      headers: { [name]: value },
      multipart: { file: py("main.py", HANDLER) },
    });
    if (!nextAnswersItself) expect(upload.status()).toBe(401);
    expect(await upload.text()).not.toContain("task_id");
  });
}
