import { performance } from "node:perf_hooks";
import type { ExecutionLog } from "../../../lib/contract";
import { ApiError, envelope, notFound } from "../http/errors";
import type { Reply } from "../http/router";
import type { ExecutionLogRepo } from "../repos/execution-log-repo";
import type { FunctionRepo } from "../repos/function-repo";
import type { RunRepo } from "../repos/run-repo";
import { RUN_ID_HEADER } from "../runtime/function-host";
import { newId } from "../util/ids";
import { postJson, type PostOutcome } from "./http-post";

/**
 * The host stops a function at its timeout itself; the invoker waits longer to get that answer,
 * since a cold start may first wait for a sandbox instance to boot (not part of the function's time).
 */
const HOST_GRACE_MS = 30_000;
/** Execution logs keep bodies for display, not archives. */
const MAX_LOGGED_BODY_CHARS = 64 * 1024;

export type InvokeDeps = {
  functions: FunctionRepo;
  logs: ExecutionLogRepo;
  runs: RunRepo;
  hostUrl: () => string;
  shutdown: AbortSignal;
};

export const functionHostUrl = (hostUrl: string, functionId: string) =>
  `${hostUrl}/fn/${encodeURIComponent(functionId)}`;

/**
 * `POST …/invoke`: forwards the JSON body to the function's invocationUrl (or the embedded function
 * host when it has none), passes the function's answer through, and stores the run as an
 * ExecutionLog, which is what the 24-hour counters are computed from.
 */
export class InvokeService {
  constructor(private readonly deps: InvokeDeps) {}

  async invoke(workspaceId: string, functionId: string, payload: unknown): Promise<Reply> {
    const fn = this.deps.functions.getById(functionId);
    if (!fn || fn.workspaceId !== workspaceId) throw notFound("function", functionId);
    if (fn.status === "disabled") {
      throw new ApiError(
        409,
        "FUNCTION_DISABLED",
        `function ${fn.name} is disabled: set its status to "active" to invoke it`,
        { field: "status" },
      );
    }

    const hostPrefix = `${this.deps.hostUrl()}/fn/`;
    const target = fn.invocationUrl ?? functionHostUrl(this.deps.hostUrl(), fn.id);
    const viaHost = target.startsWith(hostPrefix);
    const body = payload === undefined ? null : Buffer.from(JSON.stringify(payload), "utf8");

    const at = Date.now();
    const started = performance.now();
    const outcome = await postJson(target, body, fn.timeout * 1000 + (viaHost ? HOST_GRACE_MS : 0), this.deps.shutdown);
    const duration = Math.round((performance.now() - started) * 100) / 100;

    const { reply, statusCode, responseBody, lines } = this.interpret(outcome, target, fn.timeout, viaHost, duration);
    this.deps.logs.insert({
      id: newId("log"),
      functionId: fn.id,
      workspaceId: fn.workspaceId,
      at,
      status: statusCode < 400 ? "success" : "error",
      duration,
      statusCode,
      requestBody: payload,
      responseBody,
      logs: lines,
      level: levelOf(statusCode),
    });
    return reply;
  }

  private interpret(outcome: PostOutcome, target: string, timeoutS: number, viaHost: boolean, duration: number) {
    if (outcome.kind !== "response") {
      const [status, code, message] =
        outcome.kind === "timeout"
          ? [504, "TIMEOUT_ERROR", `the function did not answer within its ${timeoutS} s timeout`]
          : outcome.kind === "unreachable"
            ? [503, "CONNECTION_ERROR", `the function could not be reached: ${outcome.message}`]
            : [500, "INVOKE_ERROR", `invoking the function failed: ${outcome.message}`];
      const json = envelope(code, message, { invocationUrl: target });
      return { reply: { status, json } as Reply, statusCode: status, responseBody: json as unknown, lines: [message] };
    }

    const contentType = outcome.headers["content-type"];
    const runId = outcome.headers[RUN_ID_HEADER];
    const responseBody = loggedBody(outcome.body, contentType);
    // The host's run has the function's own output; otherwise say what happened, and why if the peer said.
    const lines =
      viaHost && runId
        ? this.deps.runs.linesOfRun(runId)
        : [`POST ${target} -> ${outcome.status} in ${duration} ms`, ...errorMessageOf(responseBody)];
    const reply: Reply = {
      status: outcome.status,
      body: outcome.body,
      headers: contentType ? { "content-type": contentType } : {},
    };
    return { reply, statusCode: outcome.status, responseBody, lines };
  }
}

function levelOf(statusCode: number): ExecutionLog["level"] {
  return statusCode >= 500 ? "error" : statusCode >= 400 ? "warn" : "info";
}

function errorMessageOf(body: unknown): string[] {
  const message = (body as { error?: { message?: unknown } } | null)?.error?.message;
  return typeof message === "string" ? [message] : [];
}

/** The response as the logs view shows it: parsed JSON when it is JSON, text otherwise. */
function loggedBody(body: Buffer, contentType: string | undefined): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString("utf8");
  if (text.length > MAX_LOGGED_BODY_CHARS) return `${text.slice(0, MAX_LOGGED_BODY_CHARS)}… [truncated]`;
  if (!contentType || /json/i.test(contentType)) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}
