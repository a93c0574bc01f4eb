import "server-only";
import { ApiError } from "@/lib/api/api-error";

/**
 * Builds an upstream path with every interpolation encoded as exactly one segment:
 * path`/api/workspaces/${workspaceId}/functions/${functionId}`.
 * "." and ".." pass through encodeURIComponent unchanged and URL parsing would resolve them
 * (`/api/workspaces/..` → `/api/`), so they are refused here, where user input first meets a path.
 */
export function path(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number>): string {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += encodeSegment(String(value)) + (strings[i + 1] ?? "");
  });
  return out;
}

function encodeSegment(value: string): string {
  if (value === "" || value === "." || value === "..") {
    throw new ApiError({
      status: 400,
      code: "VALIDATION_ERROR",
      message: "A path parameter may not be empty, '.' or '..'.",
    });
  }
  return encodeURIComponent(value);
}

const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

/** Guards paths built by hand: absolute, no query or fragment (use `query`), no dot segments. */
export function assertSafePath(p: string): void {
  const ok =
    p.startsWith("/") &&
    !p.startsWith("//") &&
    !/[?#\\\s]/.test(p) &&
    p.split("/").every((segment) => !DOT_SEGMENT.test(segment));
  if (!ok) throw new Error(`Unsafe upstream path ${JSON.stringify(p)}: build it with the path\`\` helper.`);
}
