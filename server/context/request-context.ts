import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { cache } from "react";
import { requestIdFrom } from "./request-id";

/*
 * Per-request facts, resolved once by the wrappers (withRoute, withAction) and read by whatever runs
 * below them, so data-access functions take domain arguments only.
 *
 * The store holds strings only, never the Request, a Response or a user object: a timer or a pooled
 * socket created inside a request keeps its async context alive for as long as it lives, and what
 * such a timer keeps must stay a few bytes, not a whole response.
 */
export type RequestContext = Readonly<{ requestId: string }>;

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with this request's context; the wrappers call it once per request. */
export function runWithRequestContext<T>(requestId: string, fn: () => T): T {
  return storage.run(Object.freeze({ requestId }), fn);
}

/**
 * Pages have no wrapper: their reads take the id proxy.ts put on the request, resolved once per render
 * (React's cache), with the same rule as everywhere else.
 */
const renderRequestId = cache(async (): Promise<string | undefined> => {
  try {
    return requestIdFrom((await headers()).get("x-request-id"));
  } catch (err) {
    unstable_rethrow(err); // a prerender's dynamic-usage signal is Next's, not ours to swallow
    return undefined; // outside a request (tests, scripts): the upstream client makes one per call
  }
});

/** This request's id: from the wrapper's context, or the page render's. */
export async function currentRequestId(): Promise<string | undefined> {
  return storage.getStore()?.requestId ?? (await renderRequestId());
}
