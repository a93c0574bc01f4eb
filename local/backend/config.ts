import { join } from "node:path";
import { z } from "zod";
import { faultsSchema, type Faults } from "./observability/faults";
import { DEFAULT_PIPELINE } from "./pipeline-options";
import { parseOutboundRules } from "./runtime/outbound-http";
import type { BackendOptions } from "./server";

const optionalUrl = z.url({ protocol: /^https?$/ }).optional();
const count = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

/** Every environment variable the embedded backend reads (documented in README.md). */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8000),
  PLATFORM_HOST: z.string().min(1).default("127.0.0.1"),
  PLATFORM_DATA_DIR: z.string().min(1).default(".data"),
  PLATFORM_DB: z.string().min(1).optional(),
  PLATFORM_SEED: z.enum(["0", "1", "true", "false"]).optional(),
  BACKEND_TOKEN: z.string().min(16, "use at least 16 characters").optional(),
  PLATFORM_MAX_INSTANCES: z.coerce.number().int().min(2).max(256).default(8),
  PLATFORM_FUNCTION_FETCH_ALLOW: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseOutboundRules(value);
      } catch (err) {
        ctx.addIssue({ code: "custom", message: (err as Error).message });
      }
    }),
  LOKI_URL: optionalUrl,
  PROMETHEUS_URL: optionalUrl,
  PLATFORM_FAULT_LOKI: faultsSchema.shape.loki.unwrap().optional(),
  PLATFORM_FAULT_PROMETHEUS: faultsSchema.shape.prometheus.unwrap().optional(),
  PLATFORM_FAULT_LATENCY_MS: count(0),
  PLATFORM_FAULT_API_LATENCY_MS: count(0),
  PLATFORM_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).default(DEFAULT_PIPELINE.maxUploadBytes),
  PLATFORM_BUILD_MAX_FILES: z.coerce.number().int().min(1).default(DEFAULT_PIPELINE.buildMaxFiles),
  PLATFORM_BUILD_MAX_UNZIPPED_BYTES: z.coerce.number().int().min(1).default(DEFAULT_PIPELINE.buildMaxBytes),
  PLATFORM_BUILD_ALLOWED_OUTBOUND_HOSTS: z.string().optional(),
  PLATFORM_REGISTRY_TIMEOUT_MS: z.coerce.number().int().min(1).default(DEFAULT_PIPELINE.registryTimeoutMs),
  PLATFORM_DEPLOY_ENDPOINT_WAIT_MS: count(DEFAULT_PIPELINE.deployEndpointWaitMs),
  PLATFORM_MAX_TASKS: z.coerce.number().int().min(1).max(64).default(DEFAULT_PIPELINE.maxConcurrentTasks),
});

/** Comma-separated, e.g. `https://*:*,redis://cache:6379`; "none" means no outbound hosts. */
function outboundHosts(value: string | undefined): string[] {
  if (value === undefined) return DEFAULT_PIPELINE.outboundHosts;
  if (value.trim() === "none") return [];
  return value
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h.length > 0);
}

export type CliConfig = { options: BackendOptions; dataDir: string; dbPath: string; tokenFromEnv: boolean };

/** Parses the environment once; a bad variable stops the start with every problem listed. */
export function configFromEnv(env: NodeJS.ProcessEnv): CliConfig {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== "")));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid environment for the embedded backend:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const dbPath = e.PLATFORM_DB ?? join(e.PLATFORM_DATA_DIR, "platform.db");
  const faults: Faults = {
    loki: e.PLATFORM_FAULT_LOKI ?? null,
    prometheus: e.PLATFORM_FAULT_PROMETHEUS ?? null,
    latencyMs: e.PLATFORM_FAULT_LATENCY_MS,
    apiLatencyMs: e.PLATFORM_FAULT_API_LATENCY_MS,
  };
  return {
    dataDir: e.PLATFORM_DATA_DIR,
    dbPath,
    tokenFromEnv: e.BACKEND_TOKEN !== undefined,
    options: {
      token: e.BACKEND_TOKEN,
      port: e.PORT,
      host: e.PLATFORM_HOST,
      dataDir: e.PLATFORM_DATA_DIR,
      dbPath,
      seed: e.PLATFORM_SEED === undefined ? undefined : e.PLATFORM_SEED === "1" || e.PLATFORM_SEED === "true",
      maxInstances: e.PLATFORM_MAX_INSTANCES,
      functionOutbound: parseOutboundRules(e.PLATFORM_FUNCTION_FETCH_ALLOW),
      lokiUrl: e.LOKI_URL ?? null,
      prometheusUrl: e.PROMETHEUS_URL ?? null,
      faults,
      pipeline: {
        maxUploadBytes: e.PLATFORM_MAX_UPLOAD_BYTES,
        buildMaxFiles: e.PLATFORM_BUILD_MAX_FILES,
        buildMaxBytes: e.PLATFORM_BUILD_MAX_UNZIPPED_BYTES,
        outboundHosts: outboundHosts(e.PLATFORM_BUILD_ALLOWED_OUTBOUND_HOSTS),
        registryTimeoutMs: e.PLATFORM_REGISTRY_TIMEOUT_MS,
        deployEndpointWaitMs: e.PLATFORM_DEPLOY_ENDPOINT_WAIT_MS,
        maxConcurrentTasks: e.PLATFORM_MAX_TASKS,
      },
    },
  };
}
