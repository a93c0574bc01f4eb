import type { InvokeResultDto } from "@/lib/dto/function";

/** One test run as the Test tab keeps it: the function's answer, or why there was none. */
export type InvokeOutcome =
  | ({ kind: "response" } & Pick<
      InvokeResultDto,
      "status" | "durationMs" | "contentType" | "upstreamContentType" | "body" | "truncated"
    >)
  /** `status` is the HTTP status the console answered (0: no answer at all); absent in runs kept by older versions. */
  | { kind: "failure"; status?: number; code: string; message: string; requestId?: string; durationMs: number };

/** Plain-words meanings the UI has messages for (testInvoke.meaning.*). */
export type Meaning =
  | "timeout"
  | "unreachable"
  | "backendDown"
  | "disabled"
  | "platform"
  | "functionError"
  | "clientError"
  | "notFound"
  | "forbidden"
  | "invalidPayload"
  | "network";

/** The console's own failures that are not the platform's answer about the function. */
const CONSOLE_FAILURES: Record<string, Meaning> = {
  UPSTREAM_UNAVAILABLE: "backendDown",
  FUNCTION_DISABLED: "disabled",
  NETWORK_ERROR: "network",
};

/**
 * What an outcome means, or null for a success. A failure is read by its status, whatever its code
 * (spec: "504 on timeout, 503 on a network error, 500 otherwise"); any status the function answered
 * itself is its own, 4xx or 5xx.
 */
export function meaningOf(outcome: InvokeOutcome): { meaning: Meaning; status?: number } | null {
  if (outcome.kind === "response") {
    const { status } = outcome;
    if (status < 400) return null;
    return { meaning: status >= 500 ? "functionError" : "clientError", status };
  }
  const status = outcome.status ?? 500;
  const known = CONSOLE_FAILURES[outcome.code];
  if (known) return status > 0 ? { meaning: known, status } : { meaning: known };
  if (status === 0) return { meaning: "network" };
  if (status === 504) return { meaning: "timeout", status };
  if (status === 503) return { meaning: "unreachable", status };
  if (status === 404) return { meaning: "notFound", status };
  if (status === 403) return { meaning: "forbidden", status };
  if (status === 400 || status === 413 || status === 422) return { meaning: "invalidPayload", status };
  return { meaning: "platform", status };
}
