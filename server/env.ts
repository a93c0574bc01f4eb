import "server-only";
import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((v) => v === "1" || v === "true");
const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

/**
 * Every setting the console reads, validated once. The embedded stack (`npm run dev`, `npm start`)
 * fills BACKEND_URL and the OIDC_* variables for the services it starts.
 */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Base URL of the Eunha backend (FastAPI, or the embedded one). Never sent to a browser. */
  BACKEND_URL: z.url().default("http://127.0.0.1:8000"),
  BACKEND_TIMEOUT_MS: positiveInt(15_000),
  /** Extra time on top of a function's own timeout before an invoke call is abandoned. */
  INVOKE_TIMEOUT_MARGIN_MS: positiveInt(5_000),
  /** `service`: send BACKEND_TOKEN and X-Eunha-User/Roles; `forward`: send the user's OIDC access token. */
  BACKEND_AUTH: z.enum(["service", "forward"]).default("service"),
  BACKEND_TOKEN: optionalString,
  NEXTAUTH_URL: z.url().default("http://127.0.0.1:3000"),
  NEXTAUTH_SECRET: optionalString,
  OIDC_ISSUER: optionalString.pipe(z.url().optional()),
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_SCOPES: z.string().default("openid profile email groups"),
  OIDC_GROUPS_CLAIM: z.string().default("groups"),
  ROLE_MAP: z.string().default("eunha-admins=admin,eunha-devs=developer,eunha-managers=viewer"),
  ALLOW_EMBEDDED_IDP: bool,
  /** Set by the embedded stack: the IdP's URL for the readiness check. */
  EMBEDDED_IDP_URL: optionalString,
  /**
   * Comma-separated scheme://host:port/path-prefix entries an invocationUrl may point at although the
   * host is private or the platform's own (the embedded stack allows its function host this way).
   */
  INVOCATION_URL_ALLOW: optionalString.refine(
    (v) => v === undefined || v.split(",").every((e) => e.trim() === "" || /^https?:\/\/[^\s,]+$/i.test(e.trim())),
    "must be comma-separated http(s)://host:port/path-prefix entries",
  ),
  REGISTRY_CREDENTIALS: optionalString,
  REGISTRY_CREDENTIALS_FILE: optionalString,
  SECRET_ENV_PATTERNS: z.string().default("*SECRET*,*TOKEN*,*PASS*,*PWD*,*KEY*,*CREDENTIAL*,*AUTH*,*PRIVATE*"),
  UPLOAD_MAX_MB: positiveInt(50),
  /** The most of one backend JSON answer the console reads; past it the call fails with 502 UPSTREAM_TOO_LARGE. */
  UPSTREAM_MAX_MB: positiveInt(32),
  /** redis://… shared by the console's replicas for the sign-out revocation list; unset: kept in memory (one replica). */
  REDIS_URL: optionalString.pipe(z.url().optional()),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TASK_POLL_INTERVAL_MS: positiveInt(5_000),
  /** How long the dashboard's backend read is shared by everyone with the same roles; 0 shares only reads in flight. */
  DASHBOARD_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /** Backend calls the dashboard's fan-out keeps in flight at once. */
  DASHBOARD_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  /** At most one stored snapshot of the dashboard's figures per this many minutes (for change and trends). */
  DASHBOARD_SNAPSHOT_MINUTES: z.coerce.number().int().min(1).max(1440).default(5),
  /**
   * Seconds without a request, after requests, before the production server (deploy/console-server.cjs,
   * which reads it itself before Next starts) collects garbage once; 0 turns that off. Validated here so
   * a bad value stops the console like any other.
   */
  IDLE_GC_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  /** PostgreSQL for the console's own store (shared by replicas); unset: SQLite in the data directory. */
  DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  /** Where the console keeps its SQLite store; defaults to the embedded stack's data directory. */
  CONSOLE_DATA_DIR: optionalString,
  PLATFORM_DATA_DIR: z.string().default(".data"),
});
export type Env = z.infer<typeof envSchema>;

/** Parse a whole environment, listing every bad variable in one error. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`Invalid configuration; fix these environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
/** The validated environment, read once per process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * Run once when the server starts (`instrumentation.ts`): a bad variable stops the console with the
 * list of problems before it serves a single request, instead of failing the first request that reads it.
 */
export function checkEnvAtStart(): void {
  try {
    env();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
