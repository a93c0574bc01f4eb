import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { storageStateFor, type DemoRole } from "./users";

/**
 * Arranging a journey's data through the console's own BFF, signed in as a demo role, so each test
 * builds (and removes) exactly what it needs and never depends on another test or on the seed data.
 */
export async function apiAs(role: DemoRole, baseURL: string | undefined): Promise<APIRequestContext> {
  return request.newContext({ baseURL, storageState: storageStateFor(role) });
}

/** A name no parallel test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
}

export type Created = { id: string; name: string };

export async function createWorkspace(api: APIRequestContext, name: string, description?: string): Promise<Created> {
  const res = await api.post("/api/workspaces", { data: { name, description } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Created;
}

export async function createFunction(
  api: APIRequestContext,
  workspaceId: string,
  name: string,
  extra: Record<string, unknown> = {},
): Promise<Created> {
  const code = Buffer.from("def handler(event):\n    return {'ok': True}\n", "utf8").toString("base64");
  const res = await api.post(`/api/workspaces/${workspaceId}/functions`, {
    data: { name, runtime: "Python 3.12", memory: 128, timeout: 10, httpMethods: ["POST"], code, ...extra },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as Created;
}

/** Best-effort cleanup (the journey may already have deleted it). */
export async function removeWorkspace(baseURL: string | undefined, workspaceId: string): Promise<void> {
  const admin = await apiAs("admin", baseURL);
  await admin.delete(`/api/workspaces/${workspaceId}`);
  await admin.dispose();
}

/**
 * A workspace this spec file owns: created (as admin) before its first test, removed with everything in
 * it after its last, so no journey depends on the seed data or on another spec's leftovers. Call it once
 * at the top level of the spec; `id` is readable from the first test on.
 */
export function specWorkspace(prefix: string): { readonly id: string } {
  let id: string | undefined;
  test.beforeAll(async ({ baseURL }) => {
    const admin = await apiAs("admin", baseURL);
    try {
      id = (await createWorkspace(admin, uniqueName(prefix))).id;
    } finally {
      await admin.dispose();
    }
  });
  test.afterAll(async ({ baseURL }) => {
    if (id) await removeWorkspace(baseURL, id);
  });
  return {
    get id() {
      if (!id) throw new Error("specWorkspace: read its id inside a test or a later hook");
      return id;
    },
  };
}
