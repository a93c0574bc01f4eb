import { z } from "zod";
import { kstTimestamp, limitParam } from "./common";

export const executionLog = z.object({
  id: z.string().min(1),
  functionId: z.string().min(1),
  timestamp: kstTimestamp,
  status: z.enum(["success", "error"]),
  duration: z.number().min(0),
  statusCode: z.number().int(),
  requestBody: z.unknown().optional(),
  responseBody: z.unknown().optional(),
  logs: z.array(z.string()),
  level: z.enum(["info", "warn", "error"]),
});
export type ExecutionLog = z.infer<typeof executionLog>;

export const logsResponse = z.object({
  logs: z.array(executionLog),
  total: z.number().int().min(0),
});
export type LogsResponse = z.infer<typeof logsResponse>;

export const WORKSPACE_LOGS_DEFAULT = 50;
export const FUNCTION_LOGS_DEFAULT = 100;
export const LOKI_LOGS_DEFAULT = 100;
export const workspaceLogsQuery = z.strictObject({ limit: limitParam(WORKSPACE_LOGS_DEFAULT) });
export const functionLogsQuery = z.strictObject({ limit: limitParam(FUNCTION_LOGS_DEFAULT) });
export const lokiLogsQuery = z.strictObject({ limit: limitParam(LOKI_LOGS_DEFAULT) });
