import "server-only";
import { type ApiError, parseErrorBody } from "@/lib/api/api-error";
import { errorEnvelope } from "@/lib/contract";
import { upstreamIdentityHeaders } from "@/server/auth/upstream-identity";
import { upstreamPassthrough, type PassthroughResponse, type UpstreamRequest } from "@/server/upstream";
import { currentRequestId } from "@/server/context/request-context";

/** upstreamPassthrough on behalf of the signed-in user: what backend() is for upstream(). */
export async function backendPassthrough(req: UpstreamRequest & { maxBytes?: number }): Promise<PassthroughResponse> {
  const [identity, requestId] = await Promise.all([upstreamIdentityHeaders(), currentRequestId()]);
  return upstreamPassthrough({
    ...req,
    headers: { ...identity, ...req.headers },
    requestId: req.requestId ?? requestId,
  });
}

/**
 * The statuses the spec gives the platform on invoke: "504 on timeout, 503 on a network error, 500
 * otherwise". Every other status is the function's own answer ("passed through unchanged").
 */
const PLATFORM_INVOKE_STATUSES = new Set([500, 503, 504]);

/**
 * The platform's failure in an invoke answer, or null when the answer is the function's. Only a
 * 500/503/504 carrying the spec's error envelope is the platform's, whatever its `code` says (a real
 * backend names them differently from the embedded one); a function answering 422, 401 or a
 * plain-text 500 is relayed as its answer and never read as the backend speaking about the console.
 */
export function platformFailureIn(res: PassthroughResponse): ApiError | null {
  if (!PLATFORM_INVOKE_STATUSES.has(res.status) || !isEnvelope(res)) return null;
  return parseErrorBody(res.status, res.contentType, res.bodyText, res.requestId);
}

function isEnvelope(res: PassthroughResponse): boolean {
  if (res.truncated || !/json/i.test(res.contentType ?? "")) return false;
  try {
    return errorEnvelope.safeParse(JSON.parse(res.bodyText)).success;
  } catch {
    return false;
  }
}
