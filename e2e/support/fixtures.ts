import { basename } from "node:path";
import {
  test as base,
  type APIRequestContext,
  type PlaywrightWorkerArgs,
  type TestInfo,
  type WorkerFixture,
} from "@playwright/test";
import {
  apiAs,
  createFunction,
  createWorkspace,
  removeWorkspace,
  uniqueName,
  type FunctionFields,
  type FunctionJson,
  type Workspace,
} from "./api";
import { workspaceName } from "./run-workspace";
import type { DemoRole } from "./users";

export { expect } from "@playwright/test";
export type { FunctionJson, Workspace } from "./api";

/** Makes a function (as the developer) in the spec's workspace, named `<prefix>-<unique>`. */
export type NewFunction = (prefix: string, fields?: Omit<FunctionFields, "name">) => Promise<FunctionJson>;

/**
 * The spec files' workspaces, for a worker: each spec file gets one, made (as the admin) the first time
 * one of its tests or hooks asks, and removed with everything in it when the worker ends. So no journey
 * works in the seed data or in what another spec left behind. Keyed by the asking file: a `beforeAll`
 * hook passes its `testInfo` (hooks get worker fixtures only).
 */
export type SpecWorkspaces = {
  of(testInfo: Pick<TestInfo, "file">): Promise<Workspace>;
  newFunction(testInfo: Pick<TestInfo, "file">, ...args: Parameters<NewFunction>): ReturnType<NewFunction>;
};

type WorkerFixtures = {
  /** API clients signed in as each demo role (worker-scoped: usable in beforeAll/afterAll hooks too). */
  developerApi: APIRequestContext;
  managerApi: APIRequestContext;
  adminApi: APIRequestContext;
  specWorkspaces: SpecWorkspaces;
};

type TestFixtures = {
  /** The workspace this spec file owns (see SpecWorkspaces). */
  workspace: Workspace;
  newFunction: NewFunction;
  /** A workspace of this test's own (for journeys that need it empty, or delete it), removed after the test. */
  newWorkspace: (prefix: string, description?: string) => Promise<Workspace>;
};

/** A worker's API client signed in as `role`, disposed when the worker ends. */
function roleApi(role: DemoRole): WorkerFixture<APIRequestContext, PlaywrightWorkerArgs> {
  return async ({ playwright: _ }, provide, workerInfo) => {
    const api = await apiAs(role, workerInfo.project.use.baseURL);
    await provide(api);
    await api.dispose();
  };
}

// Playwright's `use` is called `provide` here: the React Hooks lint rule takes a function named `use` for a hook.
export const test = base.extend<TestFixtures, WorkerFixtures>({
  developerApi: [roleApi("developer"), { scope: "worker" }],
  managerApi: [roleApi("manager"), { scope: "worker" }],
  adminApi: [roleApi("admin"), { scope: "worker" }],
  specWorkspaces: [
    async ({ adminApi, developerApi }, provide) => {
      const made = new Map<string, Promise<Workspace>>();
      const of = (testInfo: Pick<TestInfo, "file">) => {
        let ws = made.get(testInfo.file);
        if (!ws) {
          const spec = basename(testInfo.file).replace(/\.spec\.ts$/, "");
          ws = createWorkspace(adminApi, workspaceName(spec), `e2e: ${basename(testInfo.file)}`);
          // A failed create is not remembered: the next test asks again.
          ws.catch(() => made.delete(testInfo.file));
          made.set(testInfo.file, ws);
        }
        return ws;
      };
      await provide({
        of,
        newFunction: async (testInfo, prefix, fields = {}) =>
          createFunction(developerApi, (await of(testInfo)).id, { ...fields, name: uniqueName(prefix) }),
      });
      for (const ws of made.values()) {
        const created = await ws.catch(() => null);
        if (created) await removeWorkspace(adminApi, created.id);
      }
    },
    { scope: "worker", timeout: 120_000 },
  ],

  workspace: async ({ specWorkspaces }, provide, testInfo) => {
    await provide(await specWorkspaces.of(testInfo));
  },
  newFunction: async ({ specWorkspaces }, provide, testInfo) => {
    await provide((prefix, fields) => specWorkspaces.newFunction(testInfo, prefix, fields));
  },
  newWorkspace: async ({ adminApi }, provide) => {
    const made: Workspace[] = [];
    await provide(async (prefix, description) => {
      const ws = await createWorkspace(adminApi, workspaceName(prefix), description);
      made.push(ws);
      return ws;
    });
    for (const ws of made) await removeWorkspace(adminApi, ws.id);
  },
});
