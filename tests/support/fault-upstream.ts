/**
 * Loads server/upstream against a given backend URL (usually a fault server's).
 * server/env caches the environment per module graph, so the env is stubbed and a fresh graph imported;
 * errors from that graph are a different ApiError class, hence shape checks rather than instanceof.
 */
import { expect, vi } from "vitest";

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

export type ApiErrorShape = { name: string; status: number; code: string; message: string; details?: unknown; requestId?: string };

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
