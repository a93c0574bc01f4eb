import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Result } from "@/lib/api/result";
import { audit, auditResultOf } from "@/server/audit";
import type { Action } from "@/server/auth/policy";
import { requireUser, type SessionUser } from "@/server/auth/session";
import { currentRequestId, runWithRequestContext } from "@/server/context/request-context";
import { requestIdFrom } from "@/server/context/request-id";
import { toFailure } from "@/server/errors/sanitise";
import { parseInput } from "@/server/http/validation";

export type ActionContext = { user: SessionUser };

/**
 * Every server action is one of these: authorize with the policy, validate with the contract schema,
 * run, and answer the one Result type; never throws to the client (Next's own redirects aside) and
 * never echoes its input. One audit line per call. `target` names what was acted on, for the audit.
 */
export function withAction<S extends z.ZodType, R>(
  action: Action,
  schema: S,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
  target: (input: z.output<S>) => Record<string, string | undefined> = () => ({}),
): (input: z.input<S>) => Promise<Result<R>> {
  return async (raw) => {
    const requestId = requestIdFrom(await currentRequestId());
    return runWithRequestContext(requestId, async (): Promise<Result<R>> => {
      let user: SessionUser | undefined;
      let input: z.output<S> | undefined;
      try {
        user = await requireUser(action);
        input = parseInput(schema, raw);
        const data = await run(input, { user });
        audit({ who: user.email || user.id, action, target: target(input), result: "ok", requestId });
        return { ok: true, data };
      } catch (err) {
        unstable_rethrow(err);
        const error = toFailure(err, requestId);
        if (user)
          audit({
            who: user.email || user.id,
            action,
            target: input ? target(input) : {},
            result: auditResultOf(error.status),
            code: error.code,
            requestId,
          });
        return { ok: false, error };
      }
    });
  };
}
