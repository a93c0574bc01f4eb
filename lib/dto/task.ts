import type { BuildStatus } from "@/lib/contract";

export type TaskResultDto = {
  wasmPath: string | null;
  /** The builder gives either image_url or image_uri; the console shows one. */
  imageUrl: string | null;
  filePath: string | null;
};

export type WorkspaceTaskDto = {
  taskId: string;
  status: BuildStatus;
  appName: string | null;
  createdAt: string;
  updatedAt: string;
  result: TaskResultDto | null;
  error: string | null;
};

/*
 * The same task shapes as `/api/v1/...` answers them: the spec's snake_case names, so a script written
 * against the backend works against the console. Built field by field and scrubbed, like every DTO.
 */
export type ApiTaskResult = {
  wasm_path: string | null;
  image_url: string | null;
  image_uri: string | null;
  file_path: string | null;
};

export type ApiTaskStatus = { task_id: string; status: BuildStatus; result: ApiTaskResult | null; error: string | null };

export type ApiWorkspaceTask = {
  task_id: string;
  status: BuildStatus;
  app_name: string | null;
  created_at: string;
  updated_at: string;
  result: ApiTaskResult | null;
  error: string | null;
};
