import "server-only";
import { unstable_rethrow } from "next/navigation";
import { ApiError, isApiError, toEnvelope } from "@/lib/api/api-error";
import type { Failure } from "@/lib/api/result";
import { fieldErrorsFromDetails } from "@/lib/forms/field-errors";
import { isAuthError } from "@/server/auth/errors";
import { env } from "@/server/env";
import { isRequestValidationError } from "@/server/http/validation";
import { logger } from "@/server/log/logger";
import { consoleSecrets } from "@/server/secrets/console-secrets";
import { redactString, scrub } from "@/server/secrets/redact";

/*
 * The one error path of routes, actions and pages. Every failure becomes one ApiError whose message
 * and details are safe for a browser: validation and auth failures say what to fix, backend errors
 * pass through with the console's secrets blanked in every form, anything else is logged and hidden.
 * Next's own control flow (redirect, notFound, dynamic usage) is never an error: it is rethrown.
 */

export function toSafeApiError(err: unknown, requestId: string | undefined): ApiError {
  unstable_rethrow(err);
  if (isRequestValidationError(err)) {
    const secrets = consoleSecrets();
    return new ApiError({
      status: 400,
      code: "VALIDATION_ERROR",
      message: redactString(err.message, secrets),
      details: scrub({ field: err.field, fields: err.issues }, secrets) as Record<string, unknown>,
      requestId,
    });
  }
  if (isAuthError(err)) return new ApiError({ status: err.status, code: err.code, message: err.message, requestId });
  if (isApiError(err)) return fromUpstream(err, requestId);
  if (isAbort(err)) {
    // The browser left (the Test tab closed mid-run) and the backend call was cancelled with it.
    logger.info({ requestId }, "the client closed the request; the backend call was cancelled");
    return new ApiError({
      status: 499,
      code: "CLIENT_CLOSED_REQUEST",
      message: "The request was cancelled.",
      requestId,
    });
  }
  logger.error({ err, requestId }, "unhandled error in the console");
  return new ApiError({
    status: 500,
    code: "INTERNAL_ERROR",
    message: "The console failed to handle this request. Try again.",
    requestId,
  });
}

/**
 * Whether a sanitised failure means "this user's session is over" (sign in again). After
 * sanitising, a 401 is always the user's: the service credential's own refusal became a 502.
 */
export function isSessionEnded(failure: Pick<Failure, "status">): boolean {
  return failure.status === 401;
}

function fromUpstream(err: ApiError, requestId: string | undefined): ApiError {
  // With a service credential a backend 401 is our misconfiguration, not the user's expired session:
  // answering 401 (or sending a page to sign-in) would send them round a sign-in loop.
  if (err.status === 401 && env().BACKEND_AUTH === "service") {
    logger.error({ requestId, code: err.code }, "the backend refused the console's service credential");
    return new ApiError({
      status: 502,
      code: "UPSTREAM_AUTH_ERROR",
      message: "The backend refused the console's credentials.",
      requestId,
    });
  }
  const secrets = consoleSecrets();
  return new ApiError({
    status: err.status,
    code: redactString(err.code, secrets),
    message: redactString(err.message, secrets),
    details: err.details ? (scrub(err.details, secrets) as Record<string, unknown>) : undefined,
    requestId: err.requestId ?? requestId,
  });
}

/** The Failure a page or an action hands the browser: the safe error, field errors included. */
export function toFailure(err: unknown, requestId: string | undefined): Failure {
  const safe = toSafeApiError(err, requestId);
  return {
    status: safe.status,
    code: safe.code,
    message: safe.message,
    ...(safe.details ? { details: safe.details } : {}),
    ...fieldErrorsOf(err, safe),
    ...(safe.requestId ? { requestId: safe.requestId } : {}),
  };
}

/**
 * Field errors for a form: the console's own validation, or the backend's 400/422 naming a field
 * (`details.field`, FastAPI's `loc`), so a backend refusal lands next to its field, not at the bottom.
 */
function fieldErrorsOf(err: unknown, safe: ApiError): { fieldErrors?: Record<string, string[]> } {
  if (isRequestValidationError(err))
    return { fieldErrors: scrub(err.fieldErrors(), consoleSecrets()) as Record<string, string[]> };
  if (safe.status !== 400 && safe.status !== 422) return {};
  const fieldErrors = fieldErrorsFromDetails(safe.details, safe.message);
  return Object.keys(fieldErrors).length > 0 ? { fieldErrors } : {};
}

export function errorResponse(err: unknown, requestId: string): Response {
  const safe = toSafeApiError(err, requestId);
  return Response.json(toEnvelope(safe), { status: safe.status });
}

function isAbort(err: unknown): boolean {
  return (
    typeof err === "object" &&
    err !== null &&
    "name" in err &&
    (err.name === "AbortError" || err.name === "ResponseAborted")
  );
}
