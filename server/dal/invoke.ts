import "server-only";
import { ApiError } from "@/lib/api/api-error";
import type { InvokeResultDto } from "@/lib/dto/function";
import { requireUser } from "@/server/auth/session";
import { env } from "@/server/env";
import { assertInvocationUrl } from "@/server/invocation/invocation-url";
import { logUpstreamError, path } from "@/server/upstream";
import { redactForBrowser } from "@/server/secrets/browser-safe";
import { backendPassthrough, platformFailureIn } from "@/server/upstream/passthrough-as-user";
import { loadFunctionConfig } from "./functions";

/** A function's answer is relayed up to this size; the Test tab shows the beginning of anything longer. */
const MAX_INVOKE_BODY_BYTES = 1024 * 1024;

/** `signal` ends the backend call when the browser leaves (the route passes its request's signal). */
export type InvokeOptions = { signal?: AbortSignal };

/**
 * Runs a function once through the backend and returns its own answer, whatever its status. Only the
 * platform's failures throw: the spec's 504 (timeout), 503 (unreachable) and 500 with the error
 * envelope keep their status and code; a disabled function is refused here, before anything runs.
 */
export async function invokeFunction(
  workspaceId: string,
  functionId: string,
  payload: unknown,
  opts: InvokeOptions = {},
): Promise<InvokeResultDto> {
  await requireUser("function.invoke");
  const fn = await loadFunctionConfig(workspaceId, functionId);
  if (fn.status === "disabled") {
    throw new ApiError({
      status: 409,
      code: "FUNCTION_DISABLED",
      message: "The function is disabled. Enable it in Settings to invoke it.",
      details: { field: "status" },
    });
  }
  // Checked again before every call: the URL may have been stored before this rule, or by another client.
  assertInvocationUrl(fn.invocationUrl);
  const started = performance.now();
  const res = await backendPassthrough({
    method: "POST",
    path: path`/api/workspaces/${workspaceId}/functions/${functionId}/invoke`,
    json: payload,
    timeoutMs: fn.timeout * 1000 + env().INVOKE_TIMEOUT_MARGIN_MS,
    maxBytes: MAX_INVOKE_BODY_BYTES,
    signal: opts.signal,
  });
  const durationMs = Math.round(performance.now() - started);
  const platformFailure = platformFailureIn(res);
  if (platformFailure) {
    logUpstreamError(
      { method: "POST", path: "/api/workspaces/{workspaceId}/functions/{functionId}/invoke" },
      platformFailure,
    );
    throw platformFailure;
  }
  if (res.status < 200 || res.status > 599) {
    throw new ApiError({
      status: 502,
      code: "UPSTREAM_ERROR",
      message: `The backend answered with status ${res.status}.`,
      requestId: res.requestId,
    });
  }
  return {
    status: res.status,
    durationMs,
    contentType: isJsonBody(res.contentType, res.bodyText, res.truncated)
      ? "application/json"
      : "text/plain; charset=utf-8",
    upstreamContentType: redactForBrowser(res.contentType),
    body: redactForBrowser(res.bodyText),
    truncated: res.truncated,
  };
}

/** Served as JSON only when it is JSON; a cut body no longer parses and goes out as text. */
function isJsonBody(contentType: string | null, text: string, truncated: boolean): boolean {
  if (truncated || !/^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? "")) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
