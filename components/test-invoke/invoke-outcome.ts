import type { InvokeResultDto } from "@/lib/dto/function";

/** One test run as the Test tab keeps it: the function's answer, or why there was none. */
export type InvokeOutcome =
  | ({ kind: "response" } & Pick<InvokeResultDto, "status" | "durationMs" | "contentType" | "upstreamContentType" | "body" | "truncated">)
  | { kind: "failure"; code: string; message: string; requestId?: string; durationMs: number };

/** Plain-words meanings the UI has messages for (testInvoke.meaning.*). */
export type Meaning = "timeout" | "unreachable" | "disabled" | "platform" | "functionError" | "clientError" | "notFound" | "forbidden" | "invalidPayload" | "network";

/** The status a failure code stands for, to show next to it (the action answers codes, not statuses). */
const FAILURES: Record<string, { meaning: Meaning; status?: number }> = {
  TIMEOUT_ERROR: { meaning: "timeout", status: 504 },
  FUNCTION_TIMEOUT: { meaning: "timeout", status: 504 },
  UPSTREAM_TIMEOUT: { meaning: "timeout", status: 504 },
  CONNECTION_ERROR: { meaning: "unreachable", status: 503 },
  UPSTREAM_UNAVAILABLE: { meaning: "unreachable", status: 503 },
  PYTHON_UNAVAILABLE: { meaning: "unreachable", status: 503 },
  FUNCTION_DISABLED: { meaning: "disabled", status: 409 },
  NOT_FOUND: { meaning: "notFound", status: 404 },
  FORBIDDEN: { meaning: "forbidden", status: 403 },
  VALIDATION_ERROR: { meaning: "invalidPayload", status: 400 },
  NETWORK_ERROR: { meaning: "network" },
};

/**
 * What an outcome means, or null for a success. The backend's own failures arrive as codes (504
 * timeout, 503 unreachable, 409 disabled, 500 anything else); a status the function itself answered
 * is read by its number.
 */
export function meaningOf(outcome: InvokeOutcome): { meaning: Meaning; status?: number } | null {
  if (outcome.kind === "failure") return FAILURES[outcome.code] ?? { meaning: "platform", status: 500 };
  const { status } = outcome;
  if (status < 400) return null;
  if (status === 504) return { meaning: "timeout", status };
  if (status === 503) return { meaning: "unreachable", status };
  if (status >= 500) return { meaning: "functionError", status };
  return { meaning: "clientError", status };
}
