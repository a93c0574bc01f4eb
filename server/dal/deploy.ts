import "server-only";
import type { z } from "zod";
import { deployResponse, scaffoldResponse, type deployRequest, type scaffoldRequest } from "@/lib/contract";
import type { DeployDto, ScaffoldDto } from "@/lib/dto/pipeline";
import { requireUser } from "@/server/auth/session";
import { env } from "@/server/env";
import { backend } from "@/server/upstream/as-user";
import { reshapeDeploy, reshapeScaffold } from "./reshape-pipeline";

export type ScaffoldInput = z.output<typeof scaffoldRequest>;
export type DeployInput = z.output<typeof deployRequest>;

/** Both wait on the Builder synchronously, and deploy may ask it twice 5 s apart (spec): allow for that. */
function builderTimeoutMs(): number {
  return Math.max(env().BACKEND_TIMEOUT_MS, 60_000);
}

/** The Builder's YAML comes back "as is": a JSON object or string, or a plain text body (upstream's text mode). */
export async function scaffoldSpinApp(input: ScaffoldInput): Promise<ScaffoldDto> {
  await requireUser("scaffold.create");
  const { yaml } = await backend({
    method: "POST",
    path: "/api/v1/scaffold",
    json: input,
    schema: scaffoldResponse,
    acceptText: true,
    timeoutMs: builderTimeoutMs(),
  });
  return reshapeScaffold(yaml);
}

export async function deploySpinApp(input: DeployInput): Promise<DeployDto> {
  await requireUser("deploy.create");
  const d = await backend({
    method: "POST",
    path: "/api/v1/deploy",
    json: input,
    schema: deployResponse,
    timeoutMs: builderTimeoutMs(),
  });
  return reshapeDeploy(d);
}
