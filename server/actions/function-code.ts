"use server";
import "server-only";
import type { z } from "zod";
import type { FunctionCodeVersion, SaveFunctionCodeResult } from "@/lib/dto/function";
import { isCodeConflict, saveFunctionCode as saveCode } from "@/server/dal/function-edits";
import { revalidateFunctions } from "./revalidate";
import { functionTarget, saveCodeInput } from "./schemas";
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
