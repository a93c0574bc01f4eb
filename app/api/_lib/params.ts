import { z } from "zod";
import { envVarName, idParam, invokePayload } from "@/lib/contract";

/** Dynamic segments of the BFF's routes, validated before anything reaches the backend. */
export const workspaceParams = z.object({ workspaceId: idParam });
export const functionParams = z.object({ workspaceId: idParam, functionId: idParam });
export const functionIdParams = z.object({ functionId: idParam });
export const envVarParams = z.object({ workspaceId: idParam, functionId: idParam, name: envVarName });
export const taskParams = z.object({ taskId: idParam });

/** The Test tab's payload limit: a test event, not a data transfer. */
const MAX_INVOKE_PAYLOAD_CHARS = 1024 * 1024;

/** Any JSON value (the contract's invokePayload); an empty body gets a message that says what it lacks. */
export const invokeBody = z
  .unknown()
  .refine((v) => v !== undefined, "must be a JSON body, such as {}")
  .refine((v) => v === undefined || JSON.stringify(v).length <= MAX_INVOKE_PAYLOAD_CHARS, "is too large: at most 1 MB")
  .pipe(invokePayload);
export const deploymentParams = z.object({ workspaceId: idParam, functionId: idParam, deploymentId: z.uuid() });
