import "server-only";
import { FUNCTION_ANSWER_HEADER } from "@/lib/api/invoke-answer";
import type { InvokeResultDto } from "@/lib/dto/function";

/**
 * The invoke route's answer: the function's status and body as the backend relayed them, marked as the
 * function's (so a function's envelope-shaped 422 is never read as the console's error), and never
 * under the function's own content type, so its HTML or SVG cannot run as a page of the console.
 */
export function invokeResponse(r: InvokeResultDto): Response {
  const headers = new Headers({
    [FUNCTION_ANSWER_HEADER]: "function",
    "x-content-type-options": "nosniff",
    "x-eunha-duration-ms": String(r.durationMs),
    // Belt and braces for a browser that navigates to this URL directly.
    "content-security-policy": "default-src 'none'; sandbox",
  });
  if (r.upstreamContentType) headers.set("x-eunha-upstream-content-type", r.upstreamContentType);
  if (r.truncated) headers.set("x-eunha-truncated", "1");
  const empty = r.status === 204 || r.status === 205 || r.status === 304;
  if (!empty) headers.set("content-type", r.contentType);
  return new Response(empty ? null : r.body, { status: r.status, headers });
}
