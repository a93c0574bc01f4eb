import { z } from "zod";
import { DEFAULT_RUNTIME, ENV_VAR_NAME, HTTP_METHODS, MEMORY_MAX, MEMORY_MIN, TIMEOUT_MAX, TIMEOUT_MIN } from "./rules";
import { base64String, isoTimestamp, kstTimestamp, nonEmptyName, optionalText } from "./common";

export const functionStatus = z.enum(["active", "disabled"]);
export type FunctionStatus = z.infer<typeof functionStatus>;

export const memoryMb = z
  .number()
  .int("must be a whole number of MB")
  .min(MEMORY_MIN, `must be at least ${MEMORY_MIN} MB`)
  .max(MEMORY_MAX, `must be at most ${MEMORY_MAX} MB`);
export const timeoutSeconds = z
  .number()
  .int("must be a whole number of seconds")
  .min(TIMEOUT_MIN, `must be at least ${TIMEOUT_MIN} second`)
  .max(TIMEOUT_MAX, `must be at most ${TIMEOUT_MAX} seconds`);
export const httpMethods = z
  .array(z.enum(HTTP_METHODS, "must be an HTTP method such as GET or POST"))
  .min(1, "needs at least one HTTP method")
  .refine((m) => new Set(m).size === m.length, "must not repeat a method");
export const envVarName = z.string().regex(ENV_VAR_NAME, "must be a valid environment variable name");
export const environmentVariables = z.record(envVarName, z.string());
/** Absolute URL, or host[:port][/path] to which the backend prepends `http://`. */
export const invocationUrl = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(2048)
  .regex(/^(https?:\/\/)?[^\s/?#]+(\/[^\s]*)?$/, "must be a URL such as https://fn.example/run");

export const functionConfig = z.object({
  id: z.string().min(1),
  workspaceId: z.string().min(1),
  name: z.string().min(1),
  description: optionalText,
  runtime: z.string().min(1),
  memory: z.number().int(),
  timeout: z.number().int(),
  httpMethods: z.array(z.string()),
  environmentVariables: z.record(z.string(), z.string()),
  code: base64String,
  invocationUrl: z.string().nullish(),
  status: functionStatus,
  lastModified: kstTimestamp,
  lastDeployed: kstTimestamp.nullish(),
  invocations24h: z.number().int().min(0),
  errors24h: z.number().int().min(0),
  avgDuration: z.number().min(0),
});
export type FunctionConfig = z.infer<typeof functionConfig>;
export const functionList = z.array(functionConfig);

export const functionCreate = z.strictObject({
  name: nonEmptyName,
  description: z.string().max(2000).optional(),
  runtime: z.string().trim().min(1).default(DEFAULT_RUNTIME),
  memory: memoryMb.default(256),
  timeout: timeoutSeconds.default(30),
  httpMethods,
  environmentVariables: environmentVariables.default({}),
  code: base64String,
  status: functionStatus.optional(),
  invocationUrl: invocationUrl.optional(),
});
export type FunctionCreate = z.input<typeof functionCreate>;

export const functionUpdate = z.strictObject({
  name: nonEmptyName.optional(),
  description: z.string().max(2000).optional(),
  runtime: z.string().trim().min(1).optional(),
  memory: memoryMb.optional(),
  timeout: timeoutSeconds.optional(),
  httpMethods: httpMethods.optional(),
  environmentVariables: environmentVariables.optional(),
  code: base64String.optional(),
  status: functionStatus.optional(),
  invocationUrl: invocationUrl.nullable().optional(),
  lastDeployed: isoTimestamp.optional(),
});
export type FunctionUpdate = z.infer<typeof functionUpdate>;

/** Any JSON value is a valid invocation payload. */
export const invokePayload = z.json();
