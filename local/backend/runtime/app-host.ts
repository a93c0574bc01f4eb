import type { IncomingHttpHeaders } from "node:http";
import type { BuildStore } from "../build/build-store";
import { ApiError, notFound } from "../http/errors";
import type { Reply } from "../http/router";
import type { DeploymentRepo } from "../repos/deployment-repo";
import type { TaskRepo } from "../repos/task-repo";
import { newId } from "../util/ids";
import { requestHeaders, toReply } from "./function-host";
import { pushedPackage } from "./pushed-package";
import type { WasmRunner } from "./wasm-runner";

const APP_TIMEOUT_S = 30;
const DEFAULT_MEMORY_MB = 256;
const UNIT_MB: Record<string, number> = {
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  K: 1e3 / 2 ** 20,
  k: 1e3 / 2 ** 20,
  M: 1e6 / 2 ** 20,
  G: 1e9 / 2 ** 20,
};

/** A SpinApp's memory limit (`128Mi`, `1Gi`, …) in MB for its sandbox instance, kept within the function range. */
export function memoryMb(limit: unknown): number {
  const m = typeof limit === "string" ? /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|k|M|G)?$/.exec(limit) : null;
  if (!m) return DEFAULT_MEMORY_MB;
  const mb = m[2] ? Number(m[1]) * UNIT_MB[m[2]]! : Number(m[1]) / 2 ** 20;
  return Math.min(1024, Math.max(128, Math.round(mb)));
}

export type AppHostDeps = { deployments: DeploymentRepo; tasks: TaskRepo; store: BuildStore; runner: WasmRunner };

/**
 * Serves a SpinApp deployed without a function_id at `/apps/{namespace}/{app}`: it runs the
 * package this backend built and pushed under the deployed image reference, as SpinKube would run
 * the pulled image. An image pushed by anyone else cannot be run here (there is no .wasm to run).
 */
export class AppHost {
  constructor(private readonly deps: AppHostDeps) {}

  async handle(
    namespace: string,
    app: string,
    method: string,
    uri: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ): Promise<Reply> {
    const deployment = this.deps.deployments.get(namespace, app);
    if (!deployment) throw notFound("SpinApp", `${namespace}/${app}`);
    const pkg = pushedPackage(this.deps.tasks, this.deps.store, deployment.imageRef);
    if (!pkg) {
      throw new ApiError(
        502,
        "IMAGE_NOT_RUNNABLE",
        `image ${deployment.imageRef} was not built and pushed by this backend, so the embedded host cannot run it`,
        {
          image_ref: deployment.imageRef,
        },
      );
    }
    const runId = newId("run");
    const result = await this.deps.runner.run({
      bundle: {
        functionId: `${namespace}/${app}`,
        files: pkg.files,
        entry: pkg.entry,
        env: {},
        memoryMb: memoryMb(deployment.spec.memory_limit),
        timeoutS: APP_TIMEOUT_S,
      },
      runId,
      method,
      uri,
      headers: requestHeaders(headers),
      body,
    });
    // Output lines are not kept: Loki/Prometheus stand-ins are keyed by function id, and this app has none.
    return toReply(result, runId, APP_TIMEOUT_S);
  }
}
