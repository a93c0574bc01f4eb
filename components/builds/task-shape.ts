import { TERMINAL_STATUSES, type BuildStatus } from "@/lib/contract";
import type { ApiTaskResult } from "@/lib/dto/task";

export function isTerminal(status: BuildStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The builder gives either image_url or image_uri; the console shows one. */
export function imageOf(result: ApiTaskResult | null | undefined): string | null {
  return result?.image_url ?? result?.image_uri ?? null;
}

/**
 * Where the build lives in S3, for Push's `s3_source_path` (the spec's example is an `s3://…` URI). A
 * real Builder's `file_path` is local to the Builder (`/builds/<task>/app.wasm`) and means nothing to
 * a push, so only `s3://` locations count: the result's paths first, then the source the build was
 * started from (its `source_s3_path`, carried to the task page by the form that started it).
 */
export function s3LocationOf(
  result: ApiTaskResult | null | undefined,
  startedFrom: string | null = null,
): string | null {
  return [result?.wasm_path, result?.file_path, startedFrom].find((p): p is string => isS3Uri(p)) ?? null;
}

export function isS3Uri(path: string | null | undefined): path is string {
  return typeof path === "string" && /^s3:\/\/[^/\s]+\/\S+$/.test(path);
}
