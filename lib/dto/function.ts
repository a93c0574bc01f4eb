import type { Result } from "@/lib/api/result";
import type { FunctionStatus } from "@/lib/contract";

/**
 * What replaces a secret environment variable's value in every function a browser receives. The UI
 * compares against it to offer "reveal"; the BFF swaps it back for the real value before saving.
 */
export const ENV_MASK = "••••••••";

/** A function as the browser receives it: the spec's field names, built field by field, secrets masked. */
export type FunctionDto = {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  runtime: string;
  memory: number;
  timeout: number;
  httpMethods: string[];
  /** Values of names matching SECRET_ENV_PATTERNS are ENV_MASK. */
  environmentVariables: Record<string, string>;
  /** Base64 of the UTF-8 source, as the backend keeps it. */
  code: string;
  /** The source quotes one of the console's secrets and `code` has it blanked: show it read-only, never save it. */
  codeRedacted?: true;
  invocationUrl: string | null;
  status: FunctionStatus;
  lastModified: string;
  lastDeployed: string | null;
  invocations24h: number;
  errors24h: number;
  avgDuration: number;
};

/** `GET …/functions/{id}/env/{name}`: one variable, revealed to a developer on request. */
export type RevealedEnvVarDto = { name: string; value: string };

/** The version that is on the server when a code save was refused as a conflict, for a diff view. */
export type FunctionCodeVersion = { code: string; lastModified: string };

/** One test invocation: the function's own answer, as text, with how long the round trip took. */
export type InvokeResultDto = {
  status: number;
  durationMs: number;
  /** The content type the console serves it as: JSON, or plain text for anything else. */
  contentType: "application/json" | "text/plain; charset=utf-8";
  /** The content type the function declared (informational; never used to serve the body). */
  upstreamContentType: string | null;
  body: string;
  /** True when the body was longer than the console relays and was cut. */
  truncated: boolean;
};

/**
 * The stored version a refused code save carries (409 CONFLICT, `details.current`), so the editor can
 * show a diff rather than overwrite it; null for any other result.
 */
export function conflictVersionOf(result: Result<unknown>): FunctionCodeVersion | null {
  if (result.ok || result.error.code !== "CONFLICT") return null;
  const current = result.error.details?.current as Partial<FunctionCodeVersion> | undefined;
  return typeof current?.code === "string" && typeof current.lastModified === "string"
    ? { code: current.code, lastModified: current.lastModified }
    : null;
}
