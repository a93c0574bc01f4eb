import type { RouteDef, RouteContext } from "../http/router";
import type { FunctionHost } from "../runtime/function-host";

/**
 * `/fn/{functionId}[/any/path]`, any method: the function's own endpoint, what a deployed function's
 * invocationUrl points at. The handler sees the path after the prefix (or "/") and the query string,
 * as a Spin app mounted at its route would.
 */
export function functionHostRoutes(host: FunctionHost): RouteDef[] {
  const handler = async (ctx: RouteContext) => {
    // From the raw URL, so percent-encoding reaches the function as the client sent it.
    const url = new URL(ctx.req.url ?? "/", "http://host.invalid");
    const rest = url.pathname.split("/").slice(3).join("/"); // drop "", "fn", "{functionId}"
    const uri = `/${rest}${url.search}`;
    return host.handle(ctx.params.functionId!, ctx.req.method ?? "GET", uri, ctx.req.headers, await ctx.body());
  };
  return [
    // "*" also matches an empty rest, so this one route serves /fn/{id} and everything below it.
    { method: "*", path: "/fn/:functionId/*", handler, errorCode: "FUNCTION_HOST_ERROR" },
  ];
}
