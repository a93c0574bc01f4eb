import "server-only";
import { ApiError, isApiError } from "@/lib/api/api-error";
import { isAuthError } from "@/server/auth/errors";
import { env } from "@/server/env";
import { logger } from "@/server/log/logger";
import { redactString, scrub } from "@/server/secrets/redact";
import { secretValues } from "@/server/secrets/registries";
import { isRequestValidationError } from "./validation";

/**
 * Every failure as one ApiError whose message and details are safe for a browser: validation and
 * auth failures say what to fix, backend errors pass through scrubbed, anything else is hidden.
 */
export function toSafeApiError(err: unknown, requestId: string): ApiError {
  if (isRequestValidationError(err)) {
    return new ApiError({
      status: 400,
      code: "VALIDATION_ERROR",
      message: err.message,
      details: { field: err.field, fields: err.issues },
      requestId,
    });
  }
  if (isAuthError(err)) return new ApiError({ status: err.status, code: err.code, message: err.message, requestId });
  if (isApiError(err)) return fromUpstream(err, requestId);
  if (isAbort(err)) {
    // The browser left (the Test tab closed mid-run) and the backend call was cancelled with it.
    logger.info({ requestId }, "the client closed the request; the backend call was cancelled");
    return new ApiError({ status: 499, code: "CLIENT_CLOSED_REQUEST", message: "The request was cancelled.", requestId });
  }
  logger.error({ err, requestId }, "unhandled error in the BFF");
  return new ApiError({ status: 500, code: "INTERNAL_ERROR", message: "The console failed to handle this request.", requestId });
}

function fromUpstream(err: ApiError, requestId: string): ApiError {
  const secrets = safeSecrets();
  // With a service credential a backend 401 is our misconfiguration, not the user's expired session:
  // answering 401 would send them round a sign-in loop.
  if (err.status === 401 && env().BACKEND_AUTH === "service") {
    logger.error({ requestId, code: err.code }, "the backend refused the console's service credential");
    return new ApiError({ status: 502, code: "UPSTREAM_AUTH_ERROR", message: "The backend refused the console's credentials.", requestId });
  }
  return new ApiError({
    status: err.status,
    code: err.code,
    message: redactString(err.message, secrets),
    details: err.details ? (scrub(err.details, secrets) as Record<string, unknown>) : undefined,
    requestId: err.requestId ?? requestId,
  });
}

/** A bad REGISTRY_CREDENTIALS must not turn every error into a crash; redact what we can. */
function safeSecrets(): string[] {
  try {
    return secretValues();
  } catch {
    return [env().BACKEND_TOKEN, env().OIDC_CLIENT_SECRET, env().NEXTAUTH_SECRET].filter((v): v is string => !!v);
  }
}

function isAbort(err: unknown): boolean {
  return typeof err === "object" && err !== null && "name" in err && (err.name === "AbortError" || err.name === "ResponseAborted");
}
