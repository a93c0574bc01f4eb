import { setTimeout as sleep } from "node:timers/promises";
import type { z } from "zod";
import type { DeployResponse, deployRequest } from "../../../lib/contract";
import { ApiError } from "../http/errors";
import type { FunctionRepo } from "../repos/function-repo";
import type { SpinController } from "./spin-controller";

type DeployInput = z.output<typeof deployRequest>;

export type DeployDeps = {
  controller: SpinController;
  functions: FunctionRepo;
  /** The spec's 5 s between "no endpoint yet" and asking again (PLATFORM_DEPLOY_ENDPOINT_WAIT_MS). */
  endpointWaitMs: number;
  shutdown: AbortSignal;
};

/**
 * `POST /api/v1/deploy`: applies the SpinApp on the embedded controller, waits for its endpoint
 * as the real backend waits for the Builder's, then points the function at it: `invocationUrl`
 * becomes the function host's URL for it and `lastDeployed` is set, so invoke reaches it there.
 */
export class DeployService {
  constructor(private readonly deps: DeployDeps) {}

  async deploy(input: DeployInput): Promise<DeployResponse> {
    // The spec: with autoscaling the backend drops `replicas` (the HPA owns the count).
    const { replicas, ...rest } = input;
    const spec: Record<string, unknown> = input.enable_autoscaling
      ? rest
      : { ...rest, ...(replicas !== undefined && { replicas }) };

    const functionId = input.function_id ?? null;
    if (functionId && !this.deps.functions.getById(functionId)) {
      throw new ApiError(404, "NOT_FOUND", `function ${functionId} not found`, {
        field: "function_id",
        id: functionId,
      });
    }

    const target = { namespace: input.namespace, appName: input.app_name };
    let answer = this.deps.controller.apply({ ...target, imageRef: input.image_ref, functionId, spec });
    if (!answer.endpoint) {
      try {
        await sleep(this.deps.endpointWaitMs, undefined, { signal: this.deps.shutdown });
      } catch {
        throw new ApiError(
          503,
          "DEPLOY_ERROR",
          "the backend is stopping; the deploy was applied but its endpoint was not confirmed",
        );
      }
      answer = this.deps.controller.status(target.namespace, target.appName);
    }

    if (functionId && answer.endpoint) {
      const now = Date.now();
      this.deps.functions.update(functionId, { invocationUrl: answer.endpoint, lastDeployed: now });
    }
    return {
      status: "deployed",
      message: answer.endpoint
        ? `SpinApp ${input.app_name} deployed to namespace ${input.namespace}${functionId ? `; function ${functionId} now runs at its endpoint` : ""}`
        : `SpinApp ${input.app_name} applied to namespace ${input.namespace}; its endpoint is not available yet`,
      app_name: input.app_name,
      namespace: input.namespace,
      endpoint: answer.endpoint,
      function_id: functionId,
    };
  }
}
