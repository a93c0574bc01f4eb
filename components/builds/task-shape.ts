import { TERMINAL_STATUSES, type BuildStatus } from "@/lib/contract";
import type { ApiTaskResult, ApiWorkspaceTask, WorkspaceTaskDto } from "@/lib/dto/task";

export function isTerminal(status: BuildStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The builder gives either image_url or image_uri; the console shows one. */
export function imageOf(result: ApiTaskResult | null | undefined): string | null {
  return result?.image_url ?? result?.image_uri ?? null;
}

/** The polled `/api/v1` list (snake_case, as the spec names it) in the table's camelCase shape. */
export function fromApiTask(t: ApiWorkspaceTask): WorkspaceTaskDto {
  return {
    taskId: t.task_id,
    status: t.status,
    appName: t.app_name,
    createdAt: t.created_at,
    updatedAt: t.updated_at,
    result: t.result ? { wasmPath: t.result.wasm_path, imageUrl: imageOf(t.result), filePath: t.result.file_path } : null,
    error: t.error,
  };
}
