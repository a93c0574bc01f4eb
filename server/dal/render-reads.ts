import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApiError } from "@/lib/api/api-error";
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

/**
 * A function tab's read. Next renders a tab beside its layout, not after it: when the function does
 * not exist the layout answers 404 (notFound), and the tab must end the same way instead of throwing
 * an ApiError that Next logs as a failed render. Other failures go to the segment's error boundary.
 */
export async function functionForTab(workspaceId: string, functionId: string): Promise<FunctionDto> {
  try {
    return await getFunctionForRender(workspaceId, functionId);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}
