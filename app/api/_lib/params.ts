import { z } from "zod";
import { envVarName, idParam, invokePayload } from "@/lib/contract";

/** Dynamic segments of the BFF's routes, validated before anything reaches the backend. */
export const workspaceParams = z.object({ workspaceId: idParam });
export const functionParams = z.object({ workspaceId: idParam, functionId: idParam });
export const functionIdParams = z.object({ functionId: idParam });
export const envVarParams = z.object({ workspaceId: idParam, functionId: idParam, name: envVarName });
export const taskParams = z.object({ taskId: idParam });

/** Any JSON value (the contract's invokePayload); an empty body gets a message that says what it lacks. */
export const invokeBody = z
  .unknown()
  .refine((v) => v !== undefined, "must be a JSON body, such as {}")
  .pipe(invokePayload);
export const deploymentParams = z.object({ workspaceId: idParam, functionId: idParam, deploymentId: z.uuid() });
