import "server-only";
import type { ExecutionLog, FunctionConfig, LogsResponse } from "@/lib/contract";
import { decodeUtf8Base64, encodeUtf8Base64 } from "@/lib/base64";
import type { FunctionCodeVersion, FunctionDto } from "@/lib/dto/function";
import type { ExecutionLogDto, LogsDto } from "@/lib/dto/logs";
import { maskEnvironment, type SecretNameMatcher } from "@/server/secrets/env-mask";
import { carriesConsoleSecret, redactForBrowser, redactStrings, scrubForBrowser } from "@/server/secrets/browser-safe";

/**
 * A function for any browser: field by field, secret-looking environment values masked for every
 * role (the matcher is a parameter so this stays pure and testable table by table).
 */
export function reshapeFunction(f: FunctionConfig, isSecret: SecretNameMatcher): FunctionDto {
  const { code, codeRedacted } = reshapeCode({ code: f.code, lastModified: f.lastModified });
  const rest = redactStrings({
    id: f.id,
    workspaceId: f.workspaceId,
    name: f.name,
    description: f.description ?? null,
    runtime: f.runtime,
    memory: f.memory,
    timeout: f.timeout,
    httpMethods: [...f.httpMethods],
    environmentVariables: maskEnvironment(f.environmentVariables, isSecret),
    invocationUrl: f.invocationUrl ?? null,
    status: f.status,
    lastModified: f.lastModified,
    lastDeployed: f.lastDeployed ?? null,
    invocations24h: f.invocations24h,
    errors24h: f.errors24h,
    avgDuration: f.avgDuration,
  });
  return { ...rest, code, ...(codeRedacted ? { codeRedacted } : {}) };
}

/**
 * Code as a browser may see it. Source quoting one of the console's secrets (in any form) goes out
 * with the secret blanked and `codeRedacted`: the editor then shows it read-only and the server
 * refuses to save over it, so the blanking never replaces the user's real code. Source that is not
 * UTF-8 text cannot be blanked piecewise and goes out empty.
 */
export function reshapeCode(v: FunctionCodeVersion): FunctionCodeVersion & { codeRedacted: boolean } {
  let source: string;
  try {
    source = decodeUtf8Base64(v.code);
  } catch {
    return carriesConsoleSecret(v.code) ? { ...v, code: "", codeRedacted: true } : { ...v, codeRedacted: false };
  }
  if (!carriesConsoleSecret(source) && !carriesConsoleSecret(v.code)) return { ...v, codeRedacted: false };
  return { ...v, code: encodeUtf8Base64(redactForBrowser(source)), codeRedacted: true };
}

/**
 * Execution logs are readable by viewers, and the payloads are whatever callers sent: credential-like
 * keys are dropped and the console's own secrets blanked before they are shown.
 */
export function reshapeExecutionLog(l: ExecutionLog): ExecutionLogDto {
  return redactStrings({
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
  });
}

export function reshapeLogs(r: LogsResponse): LogsDto {
  return { logs: r.logs.map(reshapeExecutionLog), total: r.total };
}
