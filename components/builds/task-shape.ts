import { TERMINAL_STATUSES, type BuildStatus } from "@/lib/contract";
import type { ApiTaskResult } from "@/lib/dto/task";

export function isTerminal(status: BuildStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The builder gives either image_url or image_uri; the console shows one. */
export function imageOf(result: ApiTaskResult | null | undefined): string | null {
  return result?.image_url ?? result?.image_uri ?? null;
}
