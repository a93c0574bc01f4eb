import { functionLogsQuery, workspaceLogsQuery } from "../../../lib/contract";
import { notFound } from "../http/errors";
import { pickQuery } from "../http/request";
import type { RouteDef } from "../http/router";
import { parseWith } from "../http/validate";
import type { ExecutionLogRepo } from "../repos/execution-log-repo";
import type { FunctionRepo } from "../repos/function-repo";
import type { WorkspaceRepo } from "../repos/workspace-repo";

export function logRoutes(logs: ExecutionLogRepo, workspaces: WorkspaceRepo, functions: FunctionRepo): RouteDef[] {
  return [
    {
      method: "GET",
      path: "/api/workspaces/:workspaceId/logs",
      errorCode: "LOGS_ERROR",
      handler: async (ctx) => {
        const { limit } = parseWith(workspaceLogsQuery, pickQuery(ctx.query, ["limit"]), "limit");
        const workspaceId = ctx.params.workspaceId!;
        if (!workspaces.exists(workspaceId)) throw notFound("workspace", workspaceId);
        return { status: 200, json: logs.byWorkspace(workspaceId, limit) };
      },
    },
    {
      method: "GET",
      path: "/api/workspaces/:workspaceId/functions/:functionId/logs",
      errorCode: "LOGS_ERROR",
      handler: async (ctx) => {
        const { limit } = parseWith(functionLogsQuery, pickQuery(ctx.query, ["limit"]), "limit");
        const fn = functions.getById(ctx.params.functionId!);
        if (!fn || fn.workspaceId !== ctx.params.workspaceId) throw notFound("function", ctx.params.functionId!);
        return { status: 200, json: logs.byFunction(fn.id, limit) };
      },
    },
  ];
}
