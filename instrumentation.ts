/** Next calls this once per server start, before the first request is served. */
export async function register(): Promise<void> {
  // Next inlines NEXT_RUNTIME at build time: the Edge bundle of this file drops the Node-only work.
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvAtStart } = await import("@/server/env");
    checkEnvAtStart();
    // The guard patches node:http, which the edge runtime does not have.
    const { installMethodGuard } = await import("./server/http/method-guard");
    installMethodGuard();
  }
}
