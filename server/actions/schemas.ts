import "server-only";
import { z } from "zod";
import { jsonTooDeep, MAX_JSON_DEPTH } from "@/server/http/json-depth";
import {
  base64String,
  functionCreate,
  functionStatus,
  functionUpdate,
  idParam,
  workspaceUpdate,
} from "@/lib/contract";

/*
 * Inputs of the server actions: the contract's request schemas plus the ids a route would take from
 * its path. Kept out of the "use server" files, which may export async functions only.
 */

const MAX_INVOKE_BODY_CHARS = 1024 * 1024;

export const workspaceRef = z.strictObject({ workspaceId: idParam });
export const functionRef = z.strictObject({ workspaceId: idParam, functionId: idParam });

export const updateWorkspaceInput = workspaceUpdate.extend({ workspaceId: idParam });
export const createFunctionInput = functionCreate.extend({ workspaceId: idParam });

export const functionSettings = functionUpdate.omit({ code: true, status: true, lastDeployed: true });
export const saveSettingsInput = functionRef.extend({ settings: functionSettings });
export const setStatusInput = functionRef.extend({ status: functionStatus });
export const saveCodeInput = functionRef.extend({ code: base64String, expectedLastModified: z.string().min(1) });

/** The Test tab sends the editor's text; it must parse as JSON, and the field error says so. */
const jsonText = z
  .string()
  .max(MAX_INVOKE_BODY_CHARS, "is too large")
  .transform((text, ctx): unknown => {
    if (jsonTooDeep(text)) {
      ctx.addIssue({ code: "custom", message: `nests deeper than ${MAX_JSON_DEPTH} levels` });
      return z.NEVER;
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "is not valid JSON" });
      return z.NEVER;
    }
  });
export const invokeInput = functionRef.extend({ body: jsonText });

export const uploadForm = z.instanceof(FormData, { message: "must be a form with a file" });

export const workspaceTarget = (i: { workspaceId: string }) => ({ workspaceId: i.workspaceId });
export const functionTarget = (i: { workspaceId: string; functionId: string }) => ({ workspaceId: i.workspaceId, functionId: i.functionId });
