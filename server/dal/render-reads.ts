import "server-only";
import { cache } from "react";
import type { FunctionDto } from "@/lib/dto/function";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { getFunction } from "./functions";
import { getWorkspace } from "./workspaces";

/*
 * Reads shared by a page's layout, metadata and tab within one render: one backend call each instead
 * of three. For rendering only: actions read through the uncached functions, so a mutation never
 * sees a copy from before it.
 */
export const getFunctionForRender = cache((workspaceId: string, functionId: string): Promise<FunctionDto> =>
  getFunction(workspaceId, functionId),
);
export const getWorkspaceForRender = cache((workspaceId: string): Promise<WorkspaceDto> => getWorkspace(workspaceId));
