import "server-only";
import type { InvokeResultDto } from "@/lib/dto/function";

/**
 * The invoke route's answer: the function's status and body, never under the function's own content
 * type, so a function's HTML or SVG cannot run as a page of the console's origin.
 */
export function invokeResponse(r: InvokeResultDto): Response {
  const headers = new Headers({
    "x-content-type-options": "nosniff",
    "x-eunha-duration-ms": String(r.durationMs),
    // Belt and braces for a browser that navigates to this URL directly.
    "content-security-policy": "default-src 'none'; sandbox",
  });
  if (r.truncated) headers.set("x-eunha-truncated", "1");
  const empty = r.status === 204 || r.status === 205 || r.status === 304;
  if (!empty) headers.set("content-type", r.contentType);
  return new Response(empty ? null : r.body, { status: r.status, headers });
}
