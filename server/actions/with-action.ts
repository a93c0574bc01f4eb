import "server-only";
import type { z } from "zod";
import type { ActionResult } from "@/lib/api/action-result";
import type { ApiError } from "@/lib/api/api-error";
import { fieldErrorsFromDetails } from "@/lib/forms/field-errors";
import { audit } from "@/server/audit";
import type { Action } from "@/server/auth/policy";
import { requireUser, type SessionUser } from "@/server/auth/session";
import { currentRequestId } from "@/server/dal/request-id";
import { toSafeApiError } from "@/server/http/errors";
import { isRequestValidationError, parseInput } from "@/server/http/validation";

/**
 * Field errors for the form: the console's own validation, or the backend's 400/422 naming a field
 * (`details.field`), so a backend refusal lands next to its field rather than at the bottom.
 */
function fieldErrorsOf(err: unknown, safe: ApiError): { fieldErrors?: Record<string, string[]> } {
  if (isRequestValidationError(err)) return { fieldErrors: err.fieldErrors() };
  if (safe.status !== 400 && safe.status !== 422) return {};
  const fieldErrors = fieldErrorsFromDetails(safe.details, safe.message);
  return Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {};
}

export type ActionContext = { user: SessionUser; requestId: string };

/**
 * Every server action is one of these: authorize with the policy, validate with the contract schema,
 * run, and answer `{ok, data} | {ok:false, code, message, fieldErrors}`; never throws to the client and
 * never echoes its input. One audit line per call. `target` names what was acted on, for the audit.
 */
export function withAction<S extends z.ZodType, R>(
  action: Action,
  schema: S,
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>,
  target: (input: z.output<S>) => Record<string, string | undefined> = () => ({}),
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (raw) => {
    const requestId = (await currentRequestId()) ?? crypto.randomUUID();
    let user: SessionUser | undefined;
    let input: z.output<S> | undefined;
    try {
      user = await requireUser(action);
      input = parseInput(schema, raw);
      const data = await run(input, { user, requestId });
      audit({ who: user.email || user.id, action, target: target(input), result: "ok", requestId });
      return { ok: true, data };
    } catch (err) {
      const safe = toSafeApiError(err, requestId);
      if (user) {
        const result = safe.status === 400 || safe.status === 403 || safe.status === 409 ? "refused" : "failed";
        audit({ who: user.email || user.id, action, target: input ? target(input) : {}, result, code: safe.code, requestId });
      }
      return {
        ok: false,
        code: safe.code,
        message: safe.message,
        requestId: safe.requestId,
        ...fieldErrorsOf(err, safe),
      };
    }
  };
}
