import "server-only";
import type { z } from "zod";
import { ApiError, parseErrorBody } from "@/lib/api/api-error";
import { deployResponse, scaffoldResponse, type deployRequest, type scaffoldRequest } from "@/lib/contract";
import type { DeployDto, ScaffoldDto } from "@/lib/dto/pipeline";
import { requireUser } from "@/server/auth/session";
import { env } from "@/server/env";
import { backend } from "@/server/upstream/as-user";
import { backendPassthrough } from "@/server/upstream/passthrough-as-user";
import { logUpstreamError } from "@/server/upstream";
import { reshapeDeploy, reshapeScaffold } from "./reshape-pipeline";

export type ScaffoldInput = z.output<typeof scaffoldRequest>;
export type DeployInput = z.output<typeof deployRequest>;

/** Both wait on the Builder synchronously, and deploy may ask it twice 5 s apart (spec): allow for that. */
function builderTimeoutMs(): number {
  return Math.max(env().BACKEND_TIMEOUT_MS, 60_000);
}

/**
 * The Builder's YAML comes back "as is": a JSON object or string, or a plain text body. upstream()
 * accepts JSON only, so this reads the answer raw and accepts the shapes the contract lists.
 */
export async function scaffoldSpinApp(input: ScaffoldInput): Promise<ScaffoldDto> {
  await requireUser("scaffold.create");
  const res = await backendPassthrough({ method: "POST", path: "/api/v1/scaffold", json: input, timeoutMs: builderTimeoutMs() });
  if (res.status >= 400) {
    const err = parseErrorBody(res.status, res.contentType, res.bodyText, res.requestId);
    logUpstreamError({ method: "POST", path: "/api/v1/scaffold" }, err);
    throw err;
  }
  if (res.status < 200 || res.status > 299) throw contractError(res.requestId, `status ${res.status}`);
  if (res.truncated) throw contractError(res.requestId, "too large");
  let value: unknown = res.bodyText;
  if (/json/i.test(res.contentType ?? "")) {
    try {
      value = JSON.parse(res.bodyText);
    } catch {
      throw contractError(res.requestId, "not JSON");
    }
  }
  const parsed = scaffoldResponse.safeParse(value);
  // The contract's transform types `yaml` as unknown (looseObject's index signature wins); it is a string.
  if (!parsed.success || typeof parsed.data.yaml !== "string") throw contractError(res.requestId, "unexpected shape");
  return reshapeScaffold(parsed.data.yaml);
}

export async function deploySpinApp(input: DeployInput): Promise<DeployDto> {
  await requireUser("deploy.create");
  const d = await backend({ method: "POST", path: "/api/v1/deploy", json: input, schema: deployResponse, timeoutMs: builderTimeoutMs() });
  return reshapeDeploy(d);
}

/** Like upstream()'s own: the reason goes to no one but the message; the browser gets a plain 502. */
function contractError(requestId: string, reason: string): ApiError {
  return new ApiError({
    status: 502,
    code: "UPSTREAM_CONTRACT_ERROR",
    message: `The backend sent a scaffold answer the console could not read (${reason}).`,
    requestId,
  });
}
