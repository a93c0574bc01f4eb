import "server-only";
import { logsResponse, lokiLogsResponse, prometheusMetricsResponse } from "@/lib/contract";
import type { LogsDto } from "@/lib/dto/logs";
import type { LokiLogsDto, MetricsDto } from "@/lib/dto/observability";
import { can } from "@/server/auth/policy";
import { requireUser } from "@/server/auth/session";
import { path } from "@/server/upstream";
import { backend } from "@/server/upstream/as-user";
import { reshapeLogs } from "./reshape-function";
import { reshapeLokiLogs, reshapeMetrics } from "./reshape-observability";

/*
 * Each log source is its own read with its own error, so the UI can keep one tab up when the other
 * source fails (the spec's rule for DynamoDB logs vs the Loki stream).
 */

export async function listWorkspaceLogs(workspaceId: string, limit: number): Promise<LogsDto> {
  await requireUser("logs.read");
  const r = await backend({
    method: "GET",
    path: path`/api/workspaces/${workspaceId}/logs`,
    query: { limit },
    schema: logsResponse,
  });
  return reshapeLogs(r);
}

export async function listFunctionLogs(workspaceId: string, functionId: string, limit: number): Promise<LogsDto> {
  await requireUser("logs.read");
  const r = await backend({
    method: "GET",
    path: path`/api/workspaces/${workspaceId}/functions/${functionId}/logs`,
    query: { limit },
    schema: logsResponse,
  });
  return reshapeLogs(r);
}

export async function getLokiLogs(functionId: string, limit: number): Promise<LokiLogsDto> {
  await requireUser("logs.read");
  const r = await backend({
    method: "GET",
    path: path`/api/functions/${functionId}/loki-logs`,
    query: { limit },
    schema: lokiLogsResponse,
  });
  return reshapeLokiLogs(r);
}

/** The raw Prometheus answers ride along only for roles allowed "metrics.raw". */
export async function getMetrics(functionId: string): Promise<MetricsDto> {
  const user = await requireUser("metrics.read");
  const r = await backend({
    method: "GET",
    path: path`/api/functions/${functionId}/metrics`,
    schema: prometheusMetricsResponse,
  });
  return reshapeMetrics(r, can(user.roles, "metrics.raw"));
}
