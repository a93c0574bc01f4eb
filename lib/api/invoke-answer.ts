/**
 * The invoke route answers with either the function's own response (any status, its body as relayed)
 * or the console's error envelope. This header, set on the first only, tells them apart: a function
 * may well answer 401 or an envelope-shaped 422, and that is its answer, not the console's error.
 */
export const FUNCTION_ANSWER_HEADER = "x-eunha-answer";

/** The BFF route a browser invokes a function through (a route, not an action: it can be aborted). */
export function invokeUrl(workspaceId: string, functionId: string): string {
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/functions/${encodeURIComponent(functionId)}/invoke`;
}
