/** An execution log as the browser receives it: the spec's field names, built field by field. */
export type ExecutionLogDto = {
  id: string;
  functionId: string;
  timestamp: string;
  status: "success" | "error";
  duration: number;
  statusCode: number;
  /** The invocation's payloads, scrubbed of credential-like keys and the console's own secrets. */
  requestBody?: unknown;
  responseBody?: unknown;
  logs: string[];
  level: "info" | "warn" | "error";
};

export type LogsDto = { logs: ExecutionLogDto[]; total: number };
