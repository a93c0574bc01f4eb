import { apiErrorFromResponse } from "@/lib/api/api-error";
import { FUNCTION_ANSWER_HEADER, invokeUrl } from "@/lib/api/invoke-answer";
import type { InvokeOutcome } from "./invoke-outcome";

export type InvokeTarget = { workspaceId: string; functionId: string };

/**
 * One run through the invoke route. Throws only the caller's AbortError (the tab was left); every
 * answer, the console's errors and a lost connection included, becomes an outcome to show.
 */
export async function requestInvoke(
  target: InvokeTarget,
  payload: string,
  signal: AbortSignal,
  networkMessage: string,
): Promise<InvokeOutcome> {
  const started = performance.now();
  let res: Response;
  try {
    res = await fetch(invokeUrl(target.workspaceId, target.functionId), {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json, text/plain;q=0.9, */*;q=0.1" },
      body: payload,
      signal,
    });
  } catch (err) {
    if (signal.aborted) throw err;
    return { kind: "failure", status: 0, code: "NETWORK_ERROR", message: networkMessage, durationMs: elapsed(started) };
  }
  return outcomeOf(res, elapsed(started));
}

/** Reads the route's answer: the function's own response when marked so, the console's error otherwise. */
export async function outcomeOf(res: Response, measuredMs: number): Promise<InvokeOutcome> {
  if (res.headers.get(FUNCTION_ANSWER_HEADER) === "function") {
    const declared = Number(res.headers.get("x-eunha-duration-ms"));
    return {
      kind: "response",
      status: res.status,
      durationMs:
        Number.isFinite(declared) && declared >= 0 && res.headers.has("x-eunha-duration-ms") ? declared : measuredMs,
      contentType: /^application\/json/i.test(res.headers.get("content-type") ?? "")
        ? "application/json"
        : "text/plain; charset=utf-8",
      upstreamContentType: res.headers.get("x-eunha-upstream-content-type"),
      body: await res.text(),
      truncated: res.headers.get("x-eunha-truncated") === "1",
    };
  }
  // The proxy's sign-in redirect, followed by fetch, lands here as an HTML page.
  if (res.redirected && /html/i.test(res.headers.get("content-type") ?? "")) {
    return {
      kind: "failure",
      status: 401,
      code: "UNAUTHENTICATED",
      message: "Your session has ended.",
      durationMs: measuredMs,
    };
  }
  const err = await apiErrorFromResponse(res);
  const code = res.status === 401 ? "UNAUTHENTICATED" : err.code;
  return {
    kind: "failure",
    status: res.status,
    code,
    message: err.message,
    requestId: err.requestId,
    durationMs: measuredMs,
  };
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}
