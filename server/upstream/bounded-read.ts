import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { readTextCapped } from "@/lib/api/read-text";
import { env } from "@/server/env";

/** The most of an upstream JSON answer the console reads (UPSTREAM_MAX_MB). */
export function upstreamMaxBytes(): number {
  return env().UPSTREAM_MAX_MB * 1024 * 1024;
}

/**
 * Reads an upstream body as text, never more than UPSTREAM_MAX_MB: a huge (or endless) answer is cut
 * off at the cap instead of being held whole in memory. `tooLarge` says the cap was hit; callers turn
 * that into upstreamTooLarge() outside the transport's error handling.
 */
export async function readUpstreamText(res: Response): Promise<{ text: string; tooLarge: boolean }> {
  const max = upstreamMaxBytes();
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    return { text: "", tooLarge: true };
  }
  const { text, truncated } = await readTextCapped(res, max);
  return { text, tooLarge: truncated };
}

export function upstreamTooLarge(requestId: string): ApiError {
  return new ApiError({
    status: 502,
    code: "UPSTREAM_TOO_LARGE",
    message: `The backend sent an answer larger than ${env().UPSTREAM_MAX_MB} MB; the console does not read past that.`,
    requestId,
  });
}
