import { workspaceCreate, workspaceUpdate } from "../../../lib/contract";
import type { RouteDef } from "../http/router";
import { parseWith } from "../http/validate";
import type { WorkspaceService } from "../services/workspace-service";

export function workspaceRoutes(workspaces: WorkspaceService): RouteDef[] {
  const one = "/api/workspaces/:workspaceId";
  return [
    {
      method: "GET",
      path: "/api/workspaces",
      errorCode: "LIST_ERROR",
      handler: async () => ({ status: 200, json: workspaces.list() }),
    },
    {
      method: "POST",
      path: "/api/workspaces",
      errorCode: "CREATE_ERROR",
      handler: async (ctx) => ({ status: 201, json: workspaces.create(parseWith(workspaceCreate, await ctx.json())) }),
    },
    {
      method: "GET",
      path: one,
      errorCode: "GET_ERROR",
      handler: async (ctx) => ({ status: 200, json: workspaces.get(ctx.params.workspaceId!) }),
    },
    {
      method: "PATCH",
      path: one,
      errorCode: "UPDATE_ERROR",
      handler: async (ctx) => ({
        status: 200,
        json: workspaces.update(ctx.params.workspaceId!, parseWith(workspaceUpdate, await ctx.json())),
      }),
    },
    {
      method: "DELETE",
      path: one,
      errorCode: "DELETE_ERROR",
      handler: async (ctx) => {
        workspaces.delete(ctx.params.workspaceId!);
        return { status: 204 };
      },
    },
  ];
}
