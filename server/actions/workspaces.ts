"use server";
import "server-only";
import { workspaceCreate } from "@/lib/contract";
import * as dal from "@/server/dal/workspaces";
import { revalidateWorkspaces } from "./revalidate";
import { updateWorkspaceInput, workspaceRef, workspaceTarget } from "./schemas";
import { withAction } from "./with-action";

export const createWorkspace = withAction("workspace.create", workspaceCreate, async (input) => {
  const w = await dal.createWorkspace(input);
  revalidateWorkspaces();
  return w;
});

export const updateWorkspace = withAction(
  "workspace.update",
  updateWorkspaceInput,
  async ({ workspaceId, ...patch }) => {
    const w = await dal.updateWorkspace(workspaceId, patch);
    revalidateWorkspaces(workspaceId);
    return w;
  },
  workspaceTarget,
);

export const deleteWorkspace = withAction(
  "workspace.delete",
  workspaceRef,
  async ({ workspaceId }) => {
    await dal.deleteWorkspace(workspaceId);
    revalidateWorkspaces(workspaceId);
    return null;
  },
  workspaceTarget,
);
