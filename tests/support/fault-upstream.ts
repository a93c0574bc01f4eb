/**
 * Loads server/upstream against a given backend URL (usually a fault server's).
 * server/env caches the environment per module graph, so the env is stubbed and a fresh graph imported;
 * errors from that graph are a different ApiError class, hence shape checks rather than instanceof.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, vi } from "vitest";
import { startFaultServer, type FaultServer } from "./fault-server";

export async function loadUpstream(backendUrl: string, timeoutMs = 1000) {
  vi.resetModules();
  vi.stubEnv("BACKEND_URL", backendUrl);
  vi.stubEnv("BACKEND_TIMEOUT_MS", String(timeoutMs));
  vi.stubEnv("LOG_LEVEL", "silent");
  const upstream = await import("@/server/upstream");
  const { logger } = await import("@/server/log/logger");
  return { ...upstream, logger };
}
export type LoadedUpstream = Awaited<ReturnType<typeof loadUpstream>>;

export type ApiErrorShape = {
  name: string;
  status: number;
  code: string;
  message: string;
  details?: unknown;
  requestId?: string;
};

/** Awaits a promise that must reject with an ApiError, and returns the error. */
export async function apiFailure(promise: Promise<unknown>): Promise<ApiErrorShape> {
  const err = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ name: "ApiError" });
  return err as ApiErrorShape;
}

/**
 * The harness of the upstream suites: a fault server for the file, upstream loaded against it, routes
 * and recorded requests forgotten between tests. Read `server` and `mod` inside tests (set in beforeAll).
 */
export function faultUpstreamHarness(): { readonly server: FaultServer; readonly mod: LoadedUpstream } {
  const ctx = {} as { server: FaultServer; mod: LoadedUpstream };
  beforeAll(async () => {
    ctx.server = await startFaultServer();
    ctx.mod = await loadUpstream(ctx.server.url);
  });
  afterAll(async () => {
    vi.unstubAllEnvs();
    await ctx.server.close();
  });
  beforeEach(() => ctx.server.reset());
  afterEach(() => vi.restoreAllMocks());
  return ctx;
}
