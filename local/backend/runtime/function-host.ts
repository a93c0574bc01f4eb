import { validateHeaderName, validateHeaderValue, type IncomingHttpHeaders } from "node:http";
import { ApiError, envelope, notFound } from "../http/errors";
import type { Reply } from "../http/router";
import type { BuildStore } from "../build/build-store";
import type { DeploymentRepo } from "../repos/deployment-repo";
import type { FunctionRecord, FunctionRepo } from "../repos/function-repo";
import type { RunRepo } from "../repos/run-repo";
import type { TaskRepo } from "../repos/task-repo";
import type { ObjectStore } from "../storage/object-store";
import { newId } from "../util/ids";
import { readFileSync } from "node:fs";
import { pushedPackage, type RunnablePackage } from "./pushed-package";
import type { RunResult } from "./run-result";
import type { WasmRunner } from "./wasm-runner";

/** Tells the invoker which run produced a response, so it can copy that run's log lines. */
export const RUN_ID_HEADER = "x-eunha-run-id";

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "upgrade",
  "proxy-connection",
  "te",
  "trailer",
  "content-length",
]);

export type FunctionHostDeps = {
  functions: FunctionRepo;
  runs: RunRepo;
  objects: ObjectStore;
  runner: WasmRunner;
  deployments: DeploymentRepo;
  tasks: TaskRepo;
  store: BuildStore;
};

/**
 * The embedded function host: what a deployed SpinApp pod is in production. It serves each
 * function at its own HTTP endpoint and runs what was deployed there as WebAssembly in a sandbox
 * instance bound to that version (warm after the first call), and records what Promtail and
 * Prometheus would have seen (output lines, CPU seconds). What was deployed is the package of the
 * function's newest SpinApp when this backend built and pushed its image, as SpinKube runs the pulled
 * image: a later save does not change it, and deploying an earlier image (a rollback) brings back the
 * earlier code. A function never deployed, or deployed with an image pushed elsewhere (there is no
 * package here to run), runs its saved code.
 */
export class FunctionHost {
  constructor(private readonly deps: FunctionHostDeps) {}

  async handle(
    functionId: string,
    method: string,
    uri: string,
    headers: IncomingHttpHeaders,
    body: Buffer,
  ): Promise<Reply> {
    const fn = this.deps.functions.getById(functionId);
    if (!fn) throw notFound("function", functionId);
    if (fn.status === "disabled") {
      throw new ApiError(
        403,
        "FUNCTION_DISABLED",
        `function ${fn.name} is disabled: set its status to "active" to run it`,
        { functionId },
      );
    }
    if (!/python/i.test(fn.runtime)) {
      throw new ApiError(
        501,
        "RUNTIME_UNSUPPORTED",
        `the embedded function host runs Python functions only, not "${fn.runtime}"`,
        { field: "runtime" },
      );
    }
    const runId = newId("run");
    const code = this.deployedCode(fn);
    const result = await this.deps.runner.run({
      bundle: {
        functionId: fn.id,
        files: code.files,
        entry: code.entry,
        env: fn.environmentVariables,
        memoryMb: fn.memory,
        timeoutS: fn.timeout,
      },
      runId,
      method,
      uri,
      headers: requestHeaders(headers),
      body,
    });
    this.deps.runs.record(
      {
        id: runId,
        functionId: fn.id,
        startedAt: result.startedAt,
        endedAt: result.endedAt,
        outcome: result.outcome,
        statusCode: result.status,
        cpuSeconds: result.cpuSeconds,
        maxRssKb: result.maxRssKb,
      },
      result.lines,
    );
    return toReply(result, runId, fn.timeout);
  }

  private deployedCode(fn: FunctionRecord): RunnablePackage {
    const deployment = this.deps.deployments.latestForFunction(fn.id);
    const deployed = deployment && pushedPackage(this.deps.tasks, this.deps.store, deployment.imageRef);
    return deployed || { files: { "app.py": readFileSync(this.deps.objects.pathOf(fn.objectKey)) }, entry: "app.py" };
  }
}

export function requestHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

/** Keeps only headers Node can send: a function returning a malformed header must not break the host. */
function responseHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower)) continue;
    try {
      validateHeaderName(lower);
      validateHeaderValue(lower, value);
      out[lower] = value;
    } catch {
      // dropped
    }
  }
  return out;
}

export function toReply(result: RunResult, runId: string, timeoutS: number): Reply {
  const tag = { [RUN_ID_HEADER]: runId };
  if (result.outcome === "ok") {
    return {
      status: result.status,
      headers: { ...responseHeaders(result.headers), ...tag },
      body: result.body ?? undefined,
    };
  }
  if (result.outcome === "memory") {
    return {
      status: 500,
      headers: tag,
      json: envelope(
        "FUNCTION_OUT_OF_MEMORY",
        "the function went past its memory setting and was stopped; see its logs",
      ),
    };
  }
  if (result.outcome === "timeout") {
    return {
      status: 504,
      headers: tag,
      json: envelope(
        "FUNCTION_TIMEOUT",
        `the function did not finish within its ${timeoutS} s timeout and was stopped`,
      ),
    };
  }
  return {
    status: 500,
    headers: tag,
    json: envelope("FUNCTION_CRASHED", "the function's instance ended without a response; see its logs"),
  };
}
