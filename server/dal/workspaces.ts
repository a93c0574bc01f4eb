import "server-only";
import { workspace, workspaceList, type WorkspaceCreate, type WorkspaceUpdate } from "@/lib/contract";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { requireUser } from "@/server/auth/session";
import { path } from "@/server/upstream";
import { backend } from "@/server/upstream/as-user";
import { reshapeWorkspace } from "./reshape";

export async function listWorkspaces(): Promise<WorkspaceDto[]> {
  await requireUser("workspace.read");
  const list = await backend({ method: "GET", path: "/api/workspaces", schema: workspaceList });
  return list.map(reshapeWorkspace);
}

export async function getWorkspace(workspaceId: string): Promise<WorkspaceDto> {
  await requireUser("workspace.read");
  const w = await backend({ method: "GET", path: path`/api/workspaces/${workspaceId}`, schema: workspace });
  return reshapeWorkspace(w);
}

export async function createWorkspace(input: WorkspaceCreate): Promise<WorkspaceDto> {
  await requireUser("workspace.create");
  const w = await backend({ method: "POST", path: "/api/workspaces", json: input, schema: workspace });
  return reshapeWorkspace(w);
}

export async function updateWorkspace(workspaceId: string, patch: WorkspaceUpdate): Promise<WorkspaceDto> {
  await requireUser("workspace.update");
  const w = await backend({
    method: "PATCH",
    path: path`/api/workspaces/${workspaceId}`,
    json: patch,
    schema: workspace,
  });
  return reshapeWorkspace(w);
}

/** The backend removes the workspace's functions too (spec); callers refresh every view that counted them. */
export async function deleteWorkspace(workspaceId: string): Promise<void> {
  await requireUser("workspace.delete");
  await backend({ method: "DELETE", path: path`/api/workspaces/${workspaceId}`, schema: null });
}
