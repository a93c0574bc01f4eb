"use server";
import "server-only";
import type { z } from "zod";
import type { FunctionCodeVersion, InvokeResultDto, SaveFunctionCodeResult } from "@/lib/dto/function";
import type { ActionResult } from "@/lib/api/action-result";
import { isCodeConflict, saveFunctionCode as saveCode } from "@/server/dal/function-edits";
import { invokeFunction as invoke } from "@/server/dal/invoke";
import { revalidateFunctions } from "./revalidate";
import { functionTarget, invokeInput, saveCodeInput } from "./schemas";
import { withAction } from "./with-action";

/**
 * Saves the editor's code unless someone saved since it was loaded; then answers CONFLICT with the
 * stored version. withAction's failures carry no data, so the conflict is caught on its way through.
 */
export async function saveFunctionCode(input: z.input<typeof saveCodeInput>): Promise<SaveFunctionCodeResult> {
  let current: FunctionCodeVersion | undefined;
  const run = withAction(
    "function.update",
    saveCodeInput,
    async ({ workspaceId, functionId, code, expectedLastModified }, { requestId }) => {
      try {
        const f = await saveCode(workspaceId, functionId, code, expectedLastModified, { requestId });
        revalidateFunctions(workspaceId);
        return f;
      } catch (err) {
        if (isCodeConflict(err)) current = err.current;
        throw err;
      }
    },
    functionTarget,
  );
  const result = await run(input);
  return !result.ok && current ? { ok: false, code: "CONFLICT", message: result.message, requestId: result.requestId, current } : result;
}

/**
 * The Test tab's run: the function's status, body text and the round trip's duration. The backend's own
 * failures (timeout, unreachable) come back as `{ok: false, code}`. Stats are polled, so nothing is revalidated.
 */
export async function invokeFunction(input: z.input<typeof invokeInput>): Promise<ActionResult<InvokeResultDto>> {
  return withAction(
    "function.invoke",
    invokeInput,
    ({ workspaceId, functionId, body }, { requestId }) => invoke(workspaceId, functionId, body, { requestId }),
    functionTarget,
  )(input);
}
