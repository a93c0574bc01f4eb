"use server";
import "server-only";
import type { z } from "zod";
import type { Result } from "@/lib/api/result";
import type { FunctionDto } from "@/lib/dto/function";
import { saveFunctionCode as saveCode } from "@/server/dal/function-edits";
import { revalidateFunctions } from "./revalidate";
import { functionTarget, saveCodeInput } from "./schemas";
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
