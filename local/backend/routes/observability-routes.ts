import { lokiLogsQuery } from "../../../lib/contract";
import { notFound } from "../http/errors";
import { pickQuery } from "../http/request";
import type { RouteDef } from "../http/router";
import { parseWith } from "../http/validate";
import type { LokiSource } from "../observability/loki";
import type { MetricsService } from "../observability/metrics";
import type { FunctionRepo } from "../repos/function-repo";

export function observabilityRoutes(loki: LokiSource, metrics: MetricsService, functions: FunctionRepo): RouteDef[] {
  const known = (id: string) => {
    if (!functions.getById(id)) throw notFound("function", id);
    return id;
  };
  return [
    {
      method: "GET",
      path: "/api/functions/:functionId/loki-logs",
      errorCode: "LOKI_ERROR",
      handler: async (ctx) => {
        const { limit } = parseWith(lokiLogsQuery, pickQuery(ctx.query, ["limit"]), "limit");
        return { status: 200, json: await loki.query(known(ctx.params.functionId!), limit) };
      },
    },
    {
      method: "GET",
      path: "/api/functions/:functionId/metrics",
      errorCode: "PROMETHEUS_ERROR",
      handler: async (ctx) => ({ status: 200, json: await metrics.cpu(known(ctx.params.functionId!)) }),
    },
  ];
}
