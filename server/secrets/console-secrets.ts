import "server-only";
import { env } from "@/server/env";
import { secretValues } from "./registries";

/**
 * Every secret the console holds, for blanking wherever a string leaves the server (pages, route
 * JSON, action results, log lines). A broken REGISTRY_CREDENTIALS must not break every read or log
 * line: then the secrets env itself holds are still known. No logger here: the logger uses this.
 */
export function consoleSecrets(): string[] {
  try {
    return secretValues();
  } catch {
    const e = env();
    return [e.BACKEND_TOKEN, e.OIDC_CLIENT_SECRET, e.NEXTAUTH_SECRET].filter((v): v is string => !!v);
  }
}
