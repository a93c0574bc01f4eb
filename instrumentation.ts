/**
 * Runs once when a console server process starts: opens the console's store and applies its
 * migrations before the first request needs it. A store that cannot open is logged here and
 * reported by the readiness probe; the pages that need it answer with a clear error.
 */
export async function register(): Promise<void> {
  // Next's own marker of the runtime this hook runs in (the documented pattern), not configuration.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { store } = await import("@/server/store");
  const { logger } = await import("@/server/log/logger");
  await store().catch((err: unknown) => logger.error({ err: err instanceof Error ? err.message : String(err) }, "console store unavailable"));
}
