import "server-only";
import { taskStatusResponse, workspaceTaskList } from "@/lib/contract";
import type { ApiTaskStatus, ApiWorkspaceTask } from "@/lib/dto/task";
import { requireUser } from "@/server/auth/session";
import { path } from "@/server/upstream";
import { backend } from "@/server/upstream/as-user";
import { reshapeApiTaskStatus, reshapeApiWorkspaceTask } from "./reshape";

/** A workspace's tasks, for its pages and `GET /api/v1/workspaces/{id}/tasks` alike. */
export async function listWorkspaceTaskItems(workspaceId: string): Promise<ApiWorkspaceTask[]> {
  await requireUser("task.read");
  const list = await backend({
    method: "GET",
    path: path`/api/v1/workspaces/${workspaceId}/tasks`,
    schema: workspaceTaskList,
  });
  return list.map(reshapeApiWorkspaceTask);
}

/** For `GET /api/v1/tasks/{id}`, which the UI polls while a build runs. */
export async function getTaskStatus(taskId: string): Promise<ApiTaskStatus> {
  await requireUser("task.read");
  const t = await backend({ method: "GET", path: path`/api/v1/tasks/${taskId}`, schema: taskStatusResponse });
  return reshapeApiTaskStatus(t);
}
