import type { BuildStatus } from "@/lib/contract";

/*
 * The one shape of a build/push task, from backend to browser: the spec's snake_case names, so a
 * script written against the backend works against the console's `/api/v1` routes, and pages, SWR
 * polls and tables read the same objects. Built field by field and scrubbed, like every DTO.
 */
export type ApiTaskResult = {
  wasm_path: string | null;
  image_url: string | null;
  image_uri: string | null;
  file_path: string | null;
};

export type ApiTaskStatus = {
  task_id: string;
  status: BuildStatus;
  result: ApiTaskResult | null;
  error: string | null;
};

export type ApiWorkspaceTask = {
  task_id: string;
  status: BuildStatus;
  app_name: string | null;
  created_at: string;
  updated_at: string;
  result: ApiTaskResult | null;
  error: string | null;
};
