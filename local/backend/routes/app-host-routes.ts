import type { RouteContext, RouteDef } from "../http/router";
import type { AppHost } from "../runtime/app-host";

/**
 * `/apps/{namespace}/{app}[/any/path]`, any method: the endpoint a deploy without function_id
 * reports. Like `/fn/{id}`, the handler sees the path after the prefix and the query string.
 */
export function appHostRoutes(host: AppHost): RouteDef[] {
  const handler = async (ctx: RouteContext) => {
    const url = new URL(ctx.req.url ?? "/", "http://host.invalid");
    const rest = url.pathname.split("/").slice(4).join("/"); // drop "", "apps", namespace, app
    return host.handle(
      ctx.params.namespace!,
      ctx.params.app!,
      ctx.req.method ?? "GET",
      `/${rest}${url.search}`,
      ctx.req.headers,
      await ctx.body(),
    );
  };
  return [{ method: "*", path: "/apps/:namespace/:app/*", handler, errorCode: "APP_HOST_ERROR" }];
}
