/**
 * Runs once when a console server process starts, before the first request is served: checks the
 * configuration (a bad variable stops the console), guards methods Next cannot serve, and opens the
 * console's store, applying its migrations. A store that cannot open is logged here and reported by
 * the readiness probe; the pages that need it answer with a clear error.
 */
export async function register(): Promise<void> {
  // Next inlines NEXT_RUNTIME at build time: the Edge bundle of this file drops the Node-only work.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkEnvAtStart } = await import("@/server/env");
  checkEnvAtStart();
  // The guard patches node:http, which the edge runtime does not have.
  const { installMethodGuard } = await import("./server/http/method-guard");
  installMethodGuard();
  const { store } = await import("@/server/store");
  const { logger } = await import("@/server/log/logger");
  await store().catch((err: unknown) =>
    logger.error({ err: err instanceof Error ? err.message : String(err) }, "console store unavailable"),
  );
}
