import { functionCreate, functionUpdate } from "../../../lib/contract";
import type { InvokeService } from "../invoke/invoke-service";
import type { RouteDef } from "../http/router";
import { parseWith } from "../http/validate";
import type { FunctionService } from "../services/function-service";

export function functionRoutes(functions: FunctionService, invoker: InvokeService): RouteDef[] {
  const all = "/api/workspaces/:workspaceId/functions";
  const one = `${all}/:functionId`;
  return [
    {
      method: "GET",
      path: all,
      errorCode: "LIST_ERROR",
      handler: async (ctx) => ({ status: 200, json: functions.list(ctx.params.workspaceId!) }),
    },
    {
      method: "POST",
      path: all,
      errorCode: "CREATE_ERROR",
      handler: async (ctx) => ({
        status: 201,
        json: functions.create(ctx.params.workspaceId!, parseWith(functionCreate, await ctx.json())),
      }),
    },
    {
      method: "GET",
      path: one,
      errorCode: "GET_ERROR",
      handler: async (ctx) => ({ status: 200, json: functions.get(ctx.params.workspaceId!, ctx.params.functionId!) }),
    },
    {
      method: "PATCH",
      path: one,
      errorCode: "UPDATE_ERROR",
      handler: async (ctx) => ({
        status: 200,
        json: functions.update(
          ctx.params.workspaceId!,
          ctx.params.functionId!,
          parseWith(functionUpdate, await ctx.json()),
        ),
      }),
    },
    {
      method: "DELETE",
      path: one,
      errorCode: "DELETE_ERROR",
      handler: async (ctx) => {
        functions.delete(ctx.params.workspaceId!, ctx.params.functionId!);
        return { status: 204 };
      },
    },
    {
      method: "POST",
      path: `${one}/invoke`,
      errorCode: "INVOKE_ERROR",
      // Any JSON value is a valid payload; only malformed JSON is refused (by ctx.json()).
      handler: async (ctx) => invoker.invoke(ctx.params.workspaceId!, ctx.params.functionId!, await ctx.json()),
    },
  ];
}
