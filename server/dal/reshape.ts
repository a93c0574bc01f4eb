import "server-only";
import type { BuildResponse, TaskStatusResponse, Workspace, WorkspaceTaskItem, BuildTaskResult } from "@/lib/contract";
import type { BuildStartedDto } from "@/lib/dto/pipeline";
import type { ApiTaskResult, ApiTaskStatus, ApiWorkspaceTask } from "@/lib/dto/task";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { redactForBrowser, redactStrings } from "@/server/secrets/browser-safe";

/*
 * Upstream objects never reach a client as they are: each DTO is built field by field, so a field the
 * contract does not name (a leaked credential, an internal path) is dropped here by construction.
 */

export function reshapeWorkspace(w: Workspace): WorkspaceDto {
  return redactStrings({
    id: w.id,
    name: w.name,
    description: w.description ?? null,
    createdAt: w.createdAt,
    functionCount: w.functionCount,
    invocations24h: w.invocations24h,
    errorRate: w.errorRate,
  });
}

/*
 * Tasks in their one shape (snake_case, as the spec names them). Builder output is relayed text: every
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
  return redactStrings({
    task_id: t.task_id,
    status: t.status,
    result: reshapeApiTaskResult(t.result),
    error: t.error ?? null,
  });
}

export function reshapeApiWorkspaceTask(t: WorkspaceTaskItem): ApiWorkspaceTask {
  return redactStrings({
    task_id: t.task_id,
    status: t.status,
    app_name: t.app_name ?? null,
    created_at: t.created_at,
    updated_at: t.updated_at,
    result: reshapeApiTaskResult(t.result),
    error: t.error ?? null,
  });
}

export function reshapeBuildStarted(b: BuildResponse): BuildStartedDto {
  return redactStrings({
    task_id: b.task_id,
    status: b.status,
    message: b.message,
    source_s3_path: b.source_s3_path ?? null,
  });
}
