import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/api-error";
import { fetchJson } from "@/lib/api/fetcher";
import { fault, startFaultServer, type FaultServer } from "../support/fault-server";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe("fetchJson", () => {
  it("returns parsed JSON and asks for JSON", async () => {
    server.setRoute("GET", "/api/workspaces", fault.json(200, [{ id: "ws-1" }]));
    await expect(fetchJson(`${server.url}/api/workspaces`)).resolves.toEqual([{ id: "ws-1" }]);
    expect(server.requests[0]?.headers.accept).toBe("application/json");
  });

  it("returns undefined for 204", async () => {
    server.setRoute("DELETE", "/api/workspaces/ws-1", fault.empty(204));
    await expect(fetchJson(`${server.url}/api/workspaces/ws-1`, { method: "DELETE" })).resolves.toBeUndefined();
  });

  it("throws the envelope as an ApiError", async () => {
    const body = { error: { code: "NOT_FOUND", message: "Workspace not found", requestId: "rid-9" } };
    server.setRoute("GET", "/api/workspaces/nope", fault.json(404, body));
    const err = await failure(fetchJson(`${server.url}/api/workspaces/nope`));
    expect(err).toMatchObject({ status: 404, code: "NOT_FOUND", message: "Workspace not found", requestId: "rid-9" });
  });

  it("turns any 401 into UNAUTHENTICATED", async () => {
    server.setRoute("GET", "/api/me", fault.json(401, { detail: "Not authenticated" }));
    const err = await failure(fetchJson(`${server.url}/api/me`));
    expect(err).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("treats a redirect to an HTML sign-in page as UNAUTHENTICATED", async () => {
    server.setRoute("GET", "/api/workspaces", fault.empty(307, { location: "/sign-in" }));
    server.setRoute("GET", "/sign-in", fault.text(200, "<!doctype html><html></html>", "text/html"));
    const err = await failure(fetchJson(`${server.url}/api/workspaces`));
    expect(err).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("reports a 2xx that is not JSON", async () => {
    server.setRoute("GET", "/api/x", fault.garbage());
    const err = await failure(fetchJson(`${server.url}/api/x`));
    expect(err).toMatchObject({ status: 200, code: "INVALID_RESPONSE" });
  });

  it("reports a network failure as NETWORK_ERROR with status 0", async () => {
    const closed = await startFaultServer();
    const url = closed.url;
    await closed.close();
    const err = await failure(fetchJson(`${url}/api/workspaces`));
    expect(err).toMatchObject({ status: 0, code: "NETWORK_ERROR" });
  });

  it("lets a caller's abort through unchanged", async () => {
    server.setRoute("GET", "/api/slow", fault.delay(2_000));
    const controller = new AbortController();
    const pending = fetchJson(`${server.url}/api/slow`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
