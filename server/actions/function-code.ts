"use server";
import "server-only";
import type { z } from "zod";
import type { InvokeResultDto } from "@/lib/dto/function";
import type { Result } from "@/lib/api/result";
import type { FunctionDto } from "@/lib/dto/function";
import { saveFunctionCode as saveCode } from "@/server/dal/function-edits";
import { invokeFunction as invoke } from "@/server/dal/invoke";
import { revalidateFunctions } from "./revalidate";
import { functionTarget, invokeInput, saveCodeInput } from "./schemas";
import { withAction } from "./with-action";

/**
 * Saves the editor's code unless someone saved since it was loaded; then answers CONFLICT with the
 * stored version in `details.current` (lib/dto/function's conflictVersionOf reads it).
 */
export async function saveFunctionCode(input: z.input<typeof saveCodeInput>): Promise<Result<FunctionDto>> {
  return withAction(
    "function.update",
    saveCodeInput,
    async ({ workspaceId, functionId, code, expectedLastModified }) => {
      const f = await saveCode(workspaceId, functionId, code, expectedLastModified);
      revalidateFunctions(workspaceId);
      return f;
    },
    functionTarget,
  )(input);
}

/**
 * The Test tab's run: the function's status, body text and the round trip's duration. The backend's own
 * failures (timeout, unreachable) come back as `{ok: false, error}`. Stats are polled, so nothing is revalidated.
 */
export async function invokeFunction(input: z.input<typeof invokeInput>): Promise<Result<InvokeResultDto>> {
  return withAction("function.invoke", invokeInput, ({ workspaceId, functionId, body }) => invoke(workspaceId, functionId, body), functionTarget)(input);
}
