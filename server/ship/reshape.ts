import "server-only";
import { createHash } from "node:crypto";
import type { RunKind, RunStatus, ShipRunDto, StageDto, StageName } from "@/lib/ship/run";
import { DEPLOY_STAGES, ROLLBACK_STAGES } from "@/lib/ship/run";
import { redactStrings } from "@/server/secrets/browser-safe";
import type { DeploymentRow } from "@/server/store/deployments";

export function codeHash(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

export function initialStages(kind: RunKind): StageDto[] {
  const names: readonly StageName[] = kind === "deploy" ? DEPLOY_STAGES : ROLLBACK_STAGES;
  return names.map((name) => ({
    name,
    state: "pending",
    startedAt: null,
    finishedAt: null,
    taskId: null,
    output: null,
    error: null,
    attempts: 0,
  }));
}

export function parseStages(text: string): StageDto[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? (v as StageDto[]) : [];
  } catch {
    return [];
  }
}

/** Field by field: the code itself, the settings and the lease stay on the server. */
export function reshapeRun(row: DeploymentRow): ShipRunDto {
  // For the browser: stage outputs and errors quote what the Builder and the backend answered.
  return redactStrings({
    id: row.id,
    workspaceId: row.workspace_id,
    functionId: row.function_id,
    functionName: row.function_name,
    kind: row.kind,
    status: row.status as RunStatus,
    stages: parseStages(row.stages),
    codeHash: row.code_hash,
    registryUrl: row.registry_url,
    imageRef: row.image_ref,
    endpoint: row.endpoint,
    sourceDeploymentId: row.source_deployment_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  });
}
