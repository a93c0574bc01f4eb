import { checkEnvAtStart } from "@/server/env";

/** Next calls this once per server start, before the first request is served. */
export function register(): void {
  checkEnvAtStart();
}
