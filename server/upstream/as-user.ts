import "server-only";
import type { z } from "zod";
import { upstreamIdentityHeaders } from "@/server/auth/upstream-identity";
import { upstream, type UpstreamRequest } from "@/server/upstream";
import { currentRequestId } from "@/server/context/request-context";

/** An upstream call on behalf of the signed-in user: their identity headers and this request's id. */
export async function backend<S extends z.ZodType>(req: UpstreamRequest & { schema: S }): Promise<z.output<S>>;
export async function backend(req: UpstreamRequest & { schema: null }): Promise<void>;
export async function backend(req: UpstreamRequest & { schema: z.ZodType | null }): Promise<unknown> {
  const [identity, requestId] = await Promise.all([upstreamIdentityHeaders(), currentRequestId()]);
  const call = { ...req, headers: { ...identity, ...req.headers }, requestId: req.requestId ?? requestId };
  return call.schema === null ? upstream({ ...call, schema: null }) : upstream({ ...call, schema: call.schema });
}
