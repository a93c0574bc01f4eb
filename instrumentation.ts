/** Runs once when the console's server starts (Next's instrumentation hook). */
export async function register(): Promise<void> {
  // Node only: the guard patches node:http, which the edge runtime does not have. NEXT_RUNTIME is set
  // by Next itself for this hook, not configuration, so it is read here rather than in server/env.ts.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installMethodGuard } = await import("./server/http/method-guard");
    installMethodGuard();
  }
}
