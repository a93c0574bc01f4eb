import { checkEnvAtStart } from "@/server/env";

/** Next calls this once per server start, before the first request is served. */
export async function register(): Promise<void> {
  checkEnvAtStart();
  // Node only: the guard patches node:http, which the edge runtime does not have. NEXT_RUNTIME is set
  // by Next itself for this hook, not configuration, so it is read here rather than in server/env.ts.
  // eslint-disable-next-line no-restricted-syntax
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installMethodGuard } = await import("./server/http/method-guard");
    installMethodGuard();
  }
}
