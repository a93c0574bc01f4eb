import { expect, type APIRequestContext } from "@playwright/test";
import { removeWorkspace, uniqueName, type Workspace } from "./api";

/*
 * Every workspace a run makes carries the run's name. Against a deployed console (staging) E2E_RUN_ID
 * names the run and each name starts with `e2e-run-<RUN_ID>-`, so the cleanup project can delete what
 * the run left behind by prefix (a spec's workspace whose worker crashed before its teardown included),
 * even when journeys fail. Locally the embedded platform starts from a reset database every run.
 */
export const RUN_ID = process.env.E2E_RUN_ID?.trim() || null;
export const RUN_PREFIX = RUN_ID ? `e2e-run-${RUN_ID}-` : null;

/** A workspace name no parallel test uses, carrying the run's prefix. */
export function workspaceName(prefix: string): string {
  return `${RUN_PREFIX ?? "e2e-"}${uniqueName(prefix)}`;
}

/** Cleanup (as an admin): every workspace of this run, and with them everything the journeys made. */
export async function deleteRunWorkspaces(admin: APIRequestContext): Promise<Workspace[]> {
  if (!RUN_PREFIX) return [];
  const res = await admin.get("/api/workspaces");
  expect(res.status()).toBe(200);
  const left = ((await res.json()) as Workspace[]).filter((w) => w.name.startsWith(RUN_PREFIX));
  for (const ws of left) await removeWorkspace(admin, ws.id);
  return left;
}
