import "server-only";
import { z } from "zod";
import { base64String, functionCreate, functionStatus, functionUpdate, idParam, workspaceUpdate } from "@/lib/contract";

/*
 * Inputs of the server actions: the contract's request schemas plus the ids a route would take from
 * its path. Kept out of the "use server" files, which may export async functions only.
 */

export const workspaceRef = z.strictObject({ workspaceId: idParam });
export const functionRef = z.strictObject({ workspaceId: idParam, functionId: idParam });

export const updateWorkspaceInput = workspaceUpdate.extend({ workspaceId: idParam });
export const createFunctionInput = functionCreate.extend({ workspaceId: idParam });

export const functionSettings = functionUpdate.omit({ code: true, status: true, lastDeployed: true });
export const saveSettingsInput = functionRef.extend({ settings: functionSettings });
export const setStatusInput = functionRef.extend({ status: functionStatus });
export const saveCodeInput = functionRef.extend({ code: base64String, expectedLastModified: z.string().min(1) });

export const workspaceTarget = (i: { workspaceId: string }) => ({ workspaceId: i.workspaceId });
export const functionTarget = (i: { workspaceId: string; functionId: string }) => ({
  workspaceId: i.workspaceId,
  functionId: i.functionId,
});
