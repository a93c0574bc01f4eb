import "server-only";
import { type ApiError, parseErrorBody } from "@/lib/api/api-error";
import { errorEnvelope } from "@/lib/contract";
import { upstreamIdentityHeaders } from "@/server/auth/upstream-identity";
import { upstreamPassthrough, type PassthroughResponse, type UpstreamRequest } from "@/server/upstream";
import { currentRequestId } from "@/server/context/request-context";

/** upstreamPassthrough on behalf of the signed-in user: what backend() is for upstream(). */
export async function backendPassthrough(req: UpstreamRequest & { maxBytes?: number }): Promise<PassthroughResponse> {
  const [identity, requestId] = await Promise.all([upstreamIdentityHeaders(), currentRequestId()]);
  return upstreamPassthrough({ ...req, headers: { ...identity, ...req.headers }, requestId: req.requestId ?? requestId });
}

/**
 * The backend's own error in a relayed answer (its `{error: {code, …}}` envelope), as an ApiError the
 * route wrapper scrubs and re-wraps; null when the body is someone else's (a function's output).
 */
export function backendErrorIn(res: PassthroughResponse): ApiError | null {
  if (res.status < 400 || !/json/i.test(res.contentType ?? "")) return null;
  let json: unknown;
  try {
    json = JSON.parse(res.bodyText);
  } catch {
    return null;
  }
  if (!errorEnvelope.safeParse(json).success) return null;
  return parseErrorBody(res.status, res.contentType, res.bodyText, res.requestId);
}
