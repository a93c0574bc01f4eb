import "server-only";
import { ApiError } from "@/lib/api/api-error";
import type { InvokeResultDto } from "@/lib/dto/function";
import { requireUser } from "@/server/auth/session";
import { env } from "@/server/env";
import { assertInvocationUrl } from "@/server/invocation/invocation-url";
import { path } from "@/server/upstream";
import { redactForBrowser } from "./browser-safe";
import type { CallOptions } from "./call-options";
import { loadFunctionConfig } from "./functions";
import { backendErrorIn, backendPassthrough } from "./passthrough";

/** A function's answer is relayed up to this size; the Test tab shows the beginning of anything longer. */
const MAX_INVOKE_BODY_BYTES = 1024 * 1024;

/**
 * Runs a function once through the backend and returns its own answer. The call may take as long as
 * the function may run, plus a margin for the backend's bookkeeping; the backend's own failures
 * (504 timeout, 503 unreachable, 500) come back as ApiErrors that keep their status and code.
 */
export async function invokeFunction(workspaceId: string, functionId: string, payload: unknown, opts: CallOptions = {}): Promise<InvokeResultDto> {
  await requireUser("function.invoke");
  const fn = await loadFunctionConfig(workspaceId, functionId, opts);
  // Checked again before every call: the URL may have been stored before this rule, or by another client.
  assertInvocationUrl(fn.invocationUrl);
  const started = performance.now();
  const res = await backendPassthrough({
    method: "POST",
    path: path`/api/workspaces/${workspaceId}/functions/${functionId}/invoke`,
    json: payload,
    timeoutMs: fn.timeout * 1000 + env().INVOKE_TIMEOUT_MARGIN_MS,
    maxBytes: MAX_INVOKE_BODY_BYTES,
    ...opts,
  });
  const durationMs = Math.round(performance.now() - started);
  const backendError = backendErrorIn(res);
  if (backendError) throw backendError;
  if (res.status < 200 || res.status > 599) {
    throw new ApiError({ status: 502, code: "UPSTREAM_ERROR", message: `The backend answered with status ${res.status}.`, requestId: res.requestId });
  }
  return {
    status: res.status,
    durationMs,
    contentType: isJsonBody(res.contentType, res.bodyText, res.truncated) ? "application/json" : "text/plain; charset=utf-8",
    upstreamContentType: res.contentType,
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

