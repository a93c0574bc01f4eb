import "server-only";
import type { z } from "zod";
import { audit, auditResultOf } from "@/server/audit";
import type { SessionUser } from "@/server/auth/session";
import { requireUser } from "@/server/auth/session";
import type { Action } from "@/server/auth/policy";
import { logger } from "@/server/log/logger";
import { readJsonBody } from "./body";
import { assertSameOrigin } from "./csrf";
import { runWithRequestContext } from "@/server/context/request-context";
import { requestIdFrom } from "@/server/context/request-id";
import { toSafeApiError } from "@/server/errors/sanitise";
import { toEnvelope } from "@/lib/api/api-error";
import { parseInput } from "./validation";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteContext<P, Q, B> = { user: SessionUser; params: P; query: Q; body: B; request: Request };

export type RouteSpec<PS, QS, BS> = {
  /** The policy action the caller must be allowed. */
  action: Action;
  params?: PS;
  query?: QS;
  /** JSON body schema; multipart routes read `request` themselves. */
  body?: BS;
  /** Status of a successful answer with a body (200 by default); `undefined` from the handler gives 204. */
  status?: number;
  /** Target ids for the audit line of a mutation. */
  auditTarget?: (params: Out<PS>) => Record<string, string | undefined>;
};

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };
const SAFE_METHODS = new Set(["GET", "HEAD"]);
/** Statuses of a request refused before it could run (nothing was forwarded): the audit says "refused". */

/**
 * Every BFF route handler is one of these: it authenticates and authorizes with the policy, checks the
 * origin of mutations, validates params, query and body against the contract, runs the handler, and
 * turns every failure into the error envelope. One JSON log line per request, one audit line per mutation.
 */
export function withRoute<
  PS extends Schema | undefined = undefined,
  QS extends Schema | undefined = undefined,
  BS extends Schema | undefined = undefined,
>(
  spec: RouteSpec<PS, QS, BS>,
  handler: (ctx: RouteContext<Out<PS>, Out<QS>, Out<BS>>) => Promise<unknown>,
): (request: Request, context: NextContext) => Promise<Response> {
  return (request, context) => {
    const requestId = requestIdFrom(request.headers.get("x-request-id"));
    return runWithRequestContext(requestId, () => handle(spec, handler, request, context, requestId));
  };
}

async function handle<PS extends Schema | undefined, QS extends Schema | undefined, BS extends Schema | undefined>(
  spec: RouteSpec<PS, QS, BS>,
  handler: (ctx: RouteContext<Out<PS>, Out<QS>, Out<BS>>) => Promise<unknown>,
  request: Request,
  context: NextContext,
  requestId: string,
): Promise<Response> {
  const started = performance.now();
  const mutating = !SAFE_METHODS.has(request.method);
  let user: SessionUser | undefined;
  let params: Out<PS> | undefined;
  let response: Response;
  // The code of a refused or failed call (the backend's own when it answered one), for the audit.
  let errorCode: string | undefined;
  try {
    if (mutating) assertSameOrigin(request);
    user = await requireUser(spec.action);
    params = (spec.params ? parseInput(spec.params, await context.params) : undefined) as Out<PS>;
    const query = (
      spec.query ? parseInput(spec.query, Object.fromEntries(new URL(request.url).searchParams)) : undefined
    ) as Out<QS>;
    const body = (spec.body ? parseInput(spec.body, await readJsonBody(request)) : undefined) as Out<BS>;
    const result = await handler({ user, params, query, body, request });
    response =
      result instanceof Response
        ? result
        : result === undefined
          ? new Response(null, { status: 204 })
          : Response.json(result, { status: spec.status ?? 200 });
  } catch (err) {
    const safe = toSafeApiError(err, requestId);
    errorCode = safe.code;
    response = Response.json(toEnvelope(safe), { status: safe.status });
  }
  response.headers.set("x-request-id", requestId);
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");

  const route = new URL(request.url).pathname;
  const durationMs = Math.round(performance.now() - started);
  logger.info(
    {
      requestId,
      user: user?.email,
      method: request.method,
      route,
      status: response.status,
      code: errorCode,
      durationMs,
    },
    "request",
  );
  if (mutating && user) {
    const target = params && spec.auditTarget ? spec.auditTarget(params) : {};
    // A handler's own Response is a success even at 4xx/5xx: invoke relays the function's answer.
    const result = errorCode === undefined ? "ok" : auditResultOf(response.status);
    audit({
      who: user.email || user.id,
      action: spec.action,
      target,
      result,
      requestId,
      code: errorCode,
      status: response.status,
    });
  }
  return response;
}
