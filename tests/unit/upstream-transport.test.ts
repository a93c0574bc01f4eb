/**
 * Transport failures and the passthrough variant, against a real fault server over loopback:
 * resets, refused connections and timeouts are undici's own errors, not mocks.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fault, startFaultServer } from "../support/fault-server";
import { apiFailure as failure, faultUpstreamHarness, loadUpstream } from "../support/fault-upstream";

const h = faultUpstreamHarness();

const item = z.object({ id: z.string(), count: z.number() });

describe("transport failures", () => {
  it("retries a GET once when the connection is reset", async () => {
    h.server.setRoute("GET", "/api/items/4", fault.resetOnce(fault.json(200, { id: "4", count: 1 })));
    await expect(h.mod.upstream({ method: "GET", path: "/api/items/4", schema: item })).resolves.toEqual({
      id: "4",
      count: 1,
    });
    expect(h.server.requests).toHaveLength(2);
    expect(h.server.requests[0]!.headers["x-request-id"]).toBe(h.server.requests[1]!.headers["x-request-id"]);
  });

  it("gives up after one retry: 503 UPSTREAM_UNAVAILABLE", async () => {
    h.server.setRoute("GET", "/api/items/5", fault.reset());
    const err = await failure(h.mod.upstream({ method: "GET", path: "/api/items/5", schema: item }));
    expect(err).toMatchObject({ status: 503, code: "UPSTREAM_UNAVAILABLE" });
    expect(h.server.requests).toHaveLength(2);
  });

  it.each(["POST", "PATCH", "PUT", "DELETE"] as const)("never retries a %s", async (method) => {
    h.server.setRoute(method, "/api/items/6", fault.resetOnce(fault.json(200, { id: "6", count: 1 })));
    const err = await failure(h.mod.upstream({ method, path: "/api/items/6", json: { a: 1 }, schema: item }));
    expect(err).toMatchObject({ status: 503, code: "UPSTREAM_UNAVAILABLE" });
    expect(h.server.requests).toHaveLength(1);
  });

  it("honours a per-call timeout: 504 UPSTREAM_TIMEOUT, not retried", async () => {
    h.server.setRoute("GET", "/api/slow", fault.delay(3_000));
    const started = performance.now();
    const err = await failure(
      h.mod.upstream({ method: "GET", path: "/api/slow", schema: z.object({}), timeoutMs: 200 }),
    );
    const took = performance.now() - started;
    expect(err).toMatchObject({ status: 504, code: "UPSTREAM_TIMEOUT" });
    expect(took).toBeGreaterThanOrEqual(190);
    expect(took).toBeLessThan(1_500);
    expect(h.server.requests).toHaveLength(1);
  });

  it("still times out when the caller passes its own signal too", async () => {
    h.server.setRoute("GET", "/api/slow", fault.delay(3_000));
    const signal = new AbortController().signal;
    const err = await failure(
      h.mod.upstream({ method: "GET", path: "/api/slow", schema: null, timeoutMs: 200, signal }),
    );
    expect(err).toMatchObject({ status: 504, code: "UPSTREAM_TIMEOUT" });
  });

  it("uses BACKEND_TIMEOUT_MS by default", async () => {
    h.server.setRoute("GET", "/api/slow", fault.delay(5_000));
    const started = performance.now();
    const err = await failure(h.mod.upstream({ method: "GET", path: "/api/slow", schema: z.object({}) }));
    expect(err).toMatchObject({ status: 504, code: "UPSTREAM_TIMEOUT" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("maps a closed port to 503 UPSTREAM_UNAVAILABLE", async () => {
    const gone = await startFaultServer();
    await gone.close();
    const closed = await loadUpstream(gone.url);
    const err = await failure(closed.upstream({ method: "GET", path: "/api/ping", schema: null }));
    expect(err).toMatchObject({ status: 503, code: "UPSTREAM_UNAVAILABLE" });
  });

  it("lets the caller's own abort through as an abort, not an upstream error", async () => {
    h.server.setRoute("GET", "/api/slow", fault.delay(3_000));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const pending = h.mod.upstream({ method: "GET", path: "/api/slow", schema: null, signal: controller.signal });
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("upstreamPassthrough", () => {
  it("returns any status, content-type and body unvalidated", async () => {
    h.server.setRoute(
      "POST",
      "/api/v1/scaffold",
      fault.text(200, "apiVersion: core.spinoperator.dev/v1alpha1\nkind: SpinApp\n", "application/yaml"),
    );
    h.server.setRoute("POST", "/api/fn/invoke", fault.text(500, "<h1>function crashed</h1>", "text/html"));
    const yaml = await h.mod.upstreamPassthrough({
      method: "POST",
      path: "/api/v1/scaffold",
      json: { image_ref: "x" },
      requestId: "req-pass-1",
    });
    expect(yaml).toEqual({
      status: 200,
      contentType: "application/yaml",
      bodyText: "apiVersion: core.spinoperator.dev/v1alpha1\nkind: SpinApp\n",
      truncated: false,
      requestId: "req-pass-1",
    });
    const crashed = await h.mod.upstreamPassthrough({ method: "POST", path: "/api/fn/invoke", json: {} });
    expect(crashed).toMatchObject({ status: 500, contentType: "text/html", bodyText: "<h1>function crashed</h1>" });
    expect(h.server.requests[0]!.headers.accept).toBe("*/*");
  });

  it("cuts bodies over maxBytes", async () => {
    h.server.setRoute("POST", "/api/fn/invoke", fault.text(200, "x".repeat(10_000), "text/plain"));
    const out = await h.mod.upstreamPassthrough({ method: "POST", path: "/api/fn/invoke", json: {}, maxBytes: 100 });
    expect(out).toMatchObject({ truncated: true, bodyText: "x".repeat(100) });
  });

  it("still maps transport failures", async () => {
    h.server.setRoute("POST", "/api/fn/invoke", fault.delay(3_000));
    await expect(
      h.mod.upstreamPassthrough({ method: "POST", path: "/api/fn/invoke", json: {}, timeoutMs: 200 }),
    ).rejects.toMatchObject({ status: 504, code: "UPSTREAM_TIMEOUT" });
    h.server.setRoute("POST", "/api/fn/invoke", fault.reset());
    await expect(h.mod.upstreamPassthrough({ method: "POST", path: "/api/fn/invoke", json: {} })).rejects.toMatchObject(
      { status: 503, code: "UPSTREAM_UNAVAILABLE" },
    );
  });
});
