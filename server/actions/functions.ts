"use server";
import "server-only";
import * as dal from "@/server/dal/functions";
import { saveFunctionSettings as saveSettings } from "@/server/dal/function-edits";
import { revalidateFunctions } from "./revalidate";
import {
  createFunctionInput,
  functionRef,
  functionTarget,
  saveSettingsInput,
  setStatusInput,
  workspaceTarget,
} from "./schemas";
import { withAction } from "./with-action";

export const createFunction = withAction(
  "function.create",
  createFunctionInput,
  async ({ workspaceId, ...body }) => {
    const f = await dal.createFunction(workspaceId, body);
    revalidateFunctions(workspaceId);
    return f;
  },
  workspaceTarget,
);

/** Sends only the fields that differ from what is stored; masked secrets keep their stored values. */
export const saveFunctionSettings = withAction(
  "function.update",
  saveSettingsInput,
  async ({ workspaceId, functionId, settings }) => {
    const f = await saveSettings(workspaceId, functionId, settings);
    revalidateFunctions(workspaceId);
    return f;
  },
  functionTarget,
);

export const setFunctionStatus = withAction(
  "function.update",
  setStatusInput,
  async ({ workspaceId, functionId, status }) => {
    const f = await dal.setFunctionStatus(workspaceId, functionId, status);
    revalidateFunctions(workspaceId);
    return f;
  },
  functionTarget,
);

export const deleteFunction = withAction(
  "function.delete",
  functionRef,
  async ({ workspaceId, functionId }) => {
    await dal.deleteFunction(workspaceId, functionId);
    revalidateFunctions(workspaceId);
    return null;
  },
  functionTarget,
);
