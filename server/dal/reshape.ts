import "server-only";
import type { BuildResponse, TaskStatusResponse, Workspace, WorkspaceTaskItem, BuildTaskResult } from "@/lib/contract";
import type { BuildStartedDto } from "@/lib/dto/pipeline";
import type { ApiTaskResult, ApiTaskStatus, ApiWorkspaceTask, TaskResultDto, WorkspaceTaskDto } from "@/lib/dto/task";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { redactForBrowser } from "@/server/secrets/browser-safe";

/*
 * Upstream objects never reach a client as they are: each DTO is built field by field, so a field the
 * contract does not name (a leaked credential, an internal path) is dropped here by construction.
 */

export function reshapeWorkspace(w: Workspace): WorkspaceDto {
  return {
    id: w.id,
    name: w.name,
    description: w.description ?? null,
    createdAt: w.createdAt,
    functionCount: w.functionCount,
    invocations24h: w.invocations24h,
    errorRate: w.errorRate,
  };
}

export function reshapeTaskResult(r: BuildTaskResult | null | undefined): TaskResultDto | null {
  if (!r) return null;
  return { wasmPath: redactForBrowser(r.wasm_path), imageUrl: redactForBrowser(r.image_url ?? r.image_uri), filePath: redactForBrowser(r.file_path) };
}

export function reshapeWorkspaceTask(t: WorkspaceTaskItem): WorkspaceTaskDto {
  return {
    taskId: t.task_id,
    status: t.status,
    appName: t.app_name ?? null,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    result: reshapeTaskResult(t.result),
    error: redactForBrowser(t.error),
  };
}

export type TaskStatusDto = { taskId: string; status: TaskStatusResponse["status"]; result: TaskResultDto | null; error: string | null };
export function reshapeTaskStatus(t: TaskStatusResponse): TaskStatusDto {
  return { taskId: t.task_id, status: t.status, result: reshapeTaskResult(t.result), error: redactForBrowser(t.error) };
}

/*
 * The `/api/v1` shapes (snake_case, as the spec names them). Builder output is relayed text: every
 * string passes redaction, so an error quoting `docker login -p <password>` shows `[redacted]`.
 */

export function reshapeApiTaskResult(r: BuildTaskResult | null | undefined): ApiTaskResult | null {
  if (!r) return null;
  return {
    wasm_path: redactForBrowser(r.wasm_path),
    image_url: redactForBrowser(r.image_url),
    image_uri: redactForBrowser(r.image_uri),
    file_path: redactForBrowser(r.file_path),
  };
}

export function reshapeApiTaskStatus(t: TaskStatusResponse): ApiTaskStatus {
  return { task_id: t.task_id, status: t.status, result: reshapeApiTaskResult(t.result), error: redactForBrowser(t.error) };
}

export function reshapeApiWorkspaceTask(t: WorkspaceTaskItem): ApiWorkspaceTask {
  return {
    task_id: t.task_id,
    status: t.status,
    app_name: t.app_name ?? null,
    created_at: t.created_at,
    updated_at: t.updated_at,
    result: reshapeApiTaskResult(t.result),
    error: redactForBrowser(t.error),
  };
}

export function reshapeBuildStarted(b: BuildResponse): BuildStartedDto {
  return {
    task_id: b.task_id,
    status: b.status,
    message: redactForBrowser(b.message),
    source_s3_path: b.source_s3_path ?? null,
  };
}
