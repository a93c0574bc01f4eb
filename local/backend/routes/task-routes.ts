import { z } from "zod";
import type { TaskStatusResponse, WorkspaceTaskItem } from "../../../lib/contract";
import { notFound } from "../http/errors";
import { pickQuery } from "../http/request";
import type { RouteDef } from "../http/router";
import { parseWith } from "../http/validate";
import type { TaskRecord, TaskRepo } from "../repos/task-repo";
import { toKstIso } from "../util/time";

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

export function taskStatus(t: TaskRecord): TaskStatusResponse {
  return { task_id: t.id, status: t.status, result: t.result, error: t.error };
}

export function taskItem(t: TaskRecord): WorkspaceTaskItem {
  return {
    task_id: t.id,
    status: t.status,
    app_name: t.appName,
    created_at: toKstIso(t.createdAt),
    updated_at: toKstIso(t.updatedAt),
    result: t.result,
    error: t.error,
  };
}

/**
 * Task status and history. Tasks are keyed by workspace id alone, as the real backend's are:
 * `ws-default` (the spec's default) has a history without being a workspace of the /api half.
 */
export function taskRoutes(tasks: TaskRepo): RouteDef[] {
  return [
    {
      method: "GET",
      path: "/api/v1/tasks/:taskId",
      errorCode: "TASK_ERROR",
      handler: async (ctx) => {
        const task = tasks.get(ctx.params.taskId!);
        if (!task) throw notFound("task", ctx.params.taskId!);
        return { status: 200, json: taskStatus(task) };
      },
    },
    {
      method: "GET",
      path: "/api/v1/workspaces/:workspaceId/tasks",
      errorCode: "TASK_ERROR",
      handler: async (ctx) => {
        const { limit } = parseWith(listQuery, pickQuery(ctx.query, ["limit"]), "limit");
        return { status: 200, json: tasks.listByWorkspace(ctx.params.workspaceId!, limit).map(taskItem) };
      },
    },
  ];
}
