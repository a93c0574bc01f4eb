import { expect, type APIRequestContext } from "@playwright/test";

/**
 * Against a deployed console (staging), every resource a run makes lives in one run-scoped workspace,
 * created by the setup project and deleted by the cleanup project (which runs even when journeys
 * fail). E2E_RUN_ID names the run; locally the journeys use the embedded platform's Demo workspace.
 */
export const RUN_ID = process.env.E2E_RUN_ID?.trim() || null;
export const RUN_WORKSPACE_NAME = RUN_ID ? `e2e-run-${RUN_ID}` : null;

type WorkspaceRow = { id: string; name: string };

export async function findRunWorkspace(request: APIRequestContext): Promise<WorkspaceRow | null> {
  if (!RUN_WORKSPACE_NAME) return null;
  const res = await request.get("/api/workspaces");
  expect(res.status()).toBe(200);
  return ((await res.json()) as WorkspaceRow[]).find((w) => w.name === RUN_WORKSPACE_NAME) ?? null;
}

/** Setup (as an admin): the run's workspace, created once. */
export async function ensureRunWorkspace(request: APIRequestContext): Promise<void> {
  if (!RUN_WORKSPACE_NAME || (await findRunWorkspace(request))) return;
  const res = await request.post("/api/workspaces", {
    data: { name: RUN_WORKSPACE_NAME, description: "created by an e2e run; deleted at its end" },
  });
  expect([200, 201], await res.text()).toContain(res.status());
}

/** Cleanup (as an admin): the run's workspace and, with it, everything the journeys made in it. */
export async function deleteRunWorkspace(request: APIRequestContext): Promise<void> {
  const ws = await findRunWorkspace(request);
  if (!ws) return;
  const res = await request.delete(`/api/workspaces/${encodeURIComponent(ws.id)}`);
  expect(res.status(), await res.text()).toBe(204);
}
