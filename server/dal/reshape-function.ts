import "server-only";
import type { ExecutionLog, FunctionConfig, LogsResponse } from "@/lib/contract";
import type { FunctionDto } from "@/lib/dto/function";
import type { ExecutionLogDto, LogsDto } from "@/lib/dto/logs";
import { maskEnvironment, type SecretNameMatcher } from "@/server/secrets/env-mask";
import { redactForBrowser, scrubForBrowser } from "@/server/secrets/browser-safe";

/**
 * A function for any browser: field by field, secret-looking environment values masked for every
 * role (the matcher is a parameter so this stays pure and testable table by table).
 */
export function reshapeFunction(f: FunctionConfig, isSecret: SecretNameMatcher): FunctionDto {
  return {
    id: f.id,
    workspaceId: f.workspaceId,
    name: f.name,
    description: f.description ?? null,
    runtime: f.runtime,
    memory: f.memory,
    timeout: f.timeout,
    httpMethods: [...f.httpMethods],
    environmentVariables: maskEnvironment(f.environmentVariables, isSecret),
    code: f.code,
    invocationUrl: f.invocationUrl ?? null,
    status: f.status,
    lastModified: f.lastModified,
    lastDeployed: f.lastDeployed ?? null,
    invocations24h: f.invocations24h,
    errors24h: f.errors24h,
    avgDuration: f.avgDuration,
  };
}

/**
 * Execution logs are readable by viewers, and the payloads are whatever callers sent: credential-like
 * keys are dropped and the console's own secrets blanked before they are shown.
 */
export function reshapeExecutionLog(l: ExecutionLog): ExecutionLogDto {
  return {
    id: l.id,
    functionId: l.functionId,
    timestamp: l.timestamp,
    status: l.status,
    duration: l.duration,
    statusCode: l.statusCode,
    ...(l.requestBody !== undefined ? { requestBody: scrubForBrowser(l.requestBody) } : {}),
    ...(l.responseBody !== undefined ? { responseBody: scrubForBrowser(l.responseBody) } : {}),
    logs: l.logs.map((line) => redactForBrowser(line)),
    level: l.level,
  };
}

export function reshapeLogs(r: LogsResponse): LogsDto {
  return { logs: r.logs.map(reshapeExecutionLog), total: r.total };
}
