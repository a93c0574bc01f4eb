import "server-only";
import { headers } from "next/headers";

/** The id proxy.ts gave this request (or the caller's own x-request-id), to follow it across services. */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    return (await headers()).get("x-request-id") ?? undefined;
  } catch {
    // outside a request scope (tests, scripts)
    return undefined;
  }
}
