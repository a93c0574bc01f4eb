/**
 * The upstream client against a real, misbehaving HTTP server over loopback: no mocked fetch, so
 * undici's real answers are what gets mapped. Transport failures are in upstream-transport.test.ts.
 */
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { fault } from "../support/fault-server";
import { apiFailure as failure, faultUpstreamHarness, loadUpstream } from "../support/fault-upstream";

const h = faultUpstreamHarness();

const item = z.object({ id: z.string(), count: z.number() });

describe("success and request shaping", () => {
  it("returns the schema's output and sends only allowlisted headers", async () => {
    h.server.setRoute("GET", "/api/items/1", fault.json(200, { id: "1", count: 2, extra: "dropped by zod" }));
    const data = await h.mod.upstream({
      method: "GET",
      path: "/api/items/1",
      schema: item,
      headers: {
        cookie: "session=abc",
        "X-Forwarded-For": "10.0.0.1",
        host: "evil",
        "x-eunha-user": "alice",
        "x-eunha-roles": "admin",
      },
    });
    expect(data).toEqual({ id: "1", count: 2 });
    const sent = h.server.requests[0]!.headers;
    expect(sent.cookie).toBeUndefined();
    expect(sent["x-forwarded-for"]).toBeUndefined();
    expect(sent.host).not.toBe("evil");
    expect(sent["x-eunha-user"]).toBe("alice");
    expect(sent["x-eunha-roles"]).toBe("admin");
    expect(sent.accept).toBe("application/json");
    expect(sent["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("propagates a well-formed request id and replaces a malformed one", async () => {
    h.server.setRoute("GET", "/api/ping", fault.json(200, {}));
    await h.mod.upstream({
      method: "GET",
      path: "/api/ping",
      schema: z.object({}),
      requestId: "req-12345",
      headers: { "x-request-id": "other" },
    });
    await h.mod.upstream({ method: "GET", path: "/api/ping", schema: z.object({}), requestId: "bad id\u0000" });
    expect(h.server.requests[0]!.headers["x-request-id"]).toBe("req-12345");
    expect(h.server.requests[1]!.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends JSON bodies, query strings and encoded path segments", async () => {
    const id = "a b/c?d";
    const p = h.mod.path`/api/workspaces/${id}/logs`;
    expect(p).toBe("/api/workspaces/a%20b%2Fc%3Fd/logs");
    h.server.setRoute("POST", p, fault.json(201, { id: "1", count: 0 }));
    await h.mod.upstream({
      method: "POST",
      path: p,
      query: { limit: 50, skip: undefined, on: true },
      json: { name: "한글" },
      schema: item,
    });
    const sent = h.server.requests[0]!;
    expect(sent.path).toBe(`${p}?limit=50&on=true`);
    expect(sent.headers["content-type"]).toBe("application/json");
    expect(JSON.parse(sent.body)).toEqual({ name: "한글" });
  });

  it("refuses dot segments and hand-built unsafe paths", async () => {
    expect(() => h.mod.path`/api/workspaces/${".."}`).toThrow(
      expect.objectContaining({ status: 400, code: "VALIDATION_ERROR" }),
    );
    expect(() => h.mod.path`/api/workspaces/${""}`).toThrow(expect.objectContaining({ code: "VALIDATION_ERROR" }));
    for (const bad of ["api/x", "//evil.example/x", "/api/%2e%2e/x", "/api/../x", "/api/x?token=1"]) {
      await expect(h.mod.upstream({ method: "GET", path: bad, schema: null })).rejects.toThrow(/Unsafe upstream path/);
    }
    expect(h.server.requests).toHaveLength(0);
  });

  it("streams a raw body (multipart upload) with its own content-type", async () => {
    h.server.setRoute("POST", "/api/v1/build", fault.json(202, { id: "t1", count: 0 }));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("--b\r\npart one "));
        controller.enqueue(new TextEncoder().encode("part two\r\n--b--\r\n"));
        controller.close();
      },
    });
    await h.mod.upstream({
      method: "POST",
      path: "/api/v1/build",
      body,
      headers: { "content-type": "multipart/form-data; boundary=b" },
      schema: item,
    });
    expect(h.server.requests[0]!.body).toBe("--b\r\npart one part two\r\n--b--\r\n");
    expect(h.server.requests[0]!.headers["content-type"]).toBe("multipart/form-data; boundary=b");
  });

  it("returns undefined for a 204 with schema null", async () => {
    h.server.setRoute("DELETE", "/api/workspaces/ws-1", fault.empty(204));
    await expect(
      h.mod.upstream({ method: "DELETE", path: "/api/workspaces/ws-1", schema: null }),
    ).resolves.toBeUndefined();
  });

  it("joins a BACKEND_URL that has a path prefix", async () => {
    const prefixed = await loadUpstream(`${h.server.url}/backend/`);
    h.server.setRoute("GET", "/backend/api/ping", fault.json(200, {}));
    await expect(prefixed.upstream({ method: "GET", path: "/api/ping", schema: z.object({}) })).resolves.toEqual({});
  });

  it("logs each call at debug without the query string or bodies", async () => {
    const debug = vi.spyOn(h.mod.logger, "debug");
    h.server.setRoute("GET", "/api/ping", fault.json(200, {}));
    await h.mod.upstream({
      method: "GET",
      path: "/api/ping",
      query: { token: "q-secret" },
      schema: z.object({}),
      requestId: "req-log-1",
    });
    const call = debug.mock.calls.find(
      ([obj]) => typeof obj === "object" && (obj as { status?: number }).status === 200,
    );
    expect(call?.[0]).toMatchObject({
      method: "GET",
      path: "/api/ping",
      status: 200,
      requestId: "req-log-1",
      durationMs: expect.any(Number),
    });
    expect(JSON.stringify(debug.mock.calls)).not.toContain("q-secret");
  });
});

describe("backend errors pass through", () => {
  it("keeps the envelope's status, code, message and details", async () => {
    const envelope = { error: { code: "NOT_FOUND", message: "Workspace ws-9 not found", details: { id: "ws-9" } } };
    h.server.setRoute("GET", "/api/workspaces/ws-9", fault.json(404, envelope, { "x-request-id": "backend-rid" }));
    const err = await failure(h.mod.upstream({ method: "GET", path: "/api/workspaces/ws-9", schema: item }));
    expect(err).toMatchObject({
      status: 404,
      code: "NOT_FOUND",
      message: "Workspace ws-9 not found",
      details: { id: "ws-9" },
      requestId: "backend-rid",
    });
  });

  it("maps FastAPI's {detail: string}", async () => {
    h.server.setRoute("GET", "/api/nothing", fault.json(404, { detail: "Not Found" }));
    const err = await failure(
      h.mod.upstream({ method: "GET", path: "/api/nothing", schema: item, requestId: "mine-req-1" }),
    );
    expect(err).toMatchObject({ status: 404, code: "NOT_FOUND", message: "Not Found", requestId: "mine-req-1" });
  });

  it("maps FastAPI's 422 list to VALIDATION_ERROR with details.field", async () => {
    const detail = [
      {
        loc: ["body", "memory"],
        msg: "Input should be less than or equal to 1024",
        type: "less_than_equal",
        input: 4096,
      },
    ];
    h.server.setRoute("POST", "/api/workspaces/ws-1/functions", fault.json(422, { detail }));
    const err = await failure(
      h.mod.upstream({ method: "POST", path: "/api/workspaces/ws-1/functions", json: { memory: 4096 }, schema: item }),
    );
    expect(err).toMatchObject({ status: 422, code: "VALIDATION_ERROR", details: { field: "memory" } });
  });

  it.each([
    [
      "HTML 502 from a proxy",
      fault.text(502, "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>", "text/html"),
      502,
      "UPSTREAM_ERROR",
    ],
    [
      "plain-text 500",
      fault.text(500, "Internal Server Error\nTraceback: secret stuff", "text/plain"),
      500,
      "INTERNAL_ERROR",
    ],
    ["empty 503", fault.empty(503), 503, "UPSTREAM_UNAVAILABLE"],
  ])("maps a %s generically", async (_name, behavior, status, code) => {
    h.server.setRoute("GET", "/api/broken", behavior);
    const err = await failure(h.mod.upstream({ method: "GET", path: "/api/broken", schema: item }));
    expect(err).toMatchObject({ status, code });
    expect(err.message).toMatch(/^The backend answered \d{3} /);
  });
});

describe("contract violations become 502 UPSTREAM_CONTRACT_ERROR", () => {
  it("logs the zod issues server-side but keeps them out of the error", async () => {
    const warn = vi.spyOn(h.mod.logger, "warn");
    h.server.setRoute("GET", "/api/items/2", fault.json(200, { id: 2, count: "many" }));
    const err = await failure(
      h.mod.upstream({ method: "GET", path: "/api/items/2", schema: item, requestId: "r-contract" }),
    );
    expect(err).toMatchObject({ status: 502, code: "UPSTREAM_CONTRACT_ERROR", requestId: "r-contract" });
    expect(err.details).toBeUndefined();
    expect(err.message).not.toMatch(/id|count|expected/i);
    const logged = warn.mock.calls.map(([obj]) => obj as Record<string, unknown>).find((o) => Array.isArray(o.issues));
    expect(logged).toMatchObject({ method: "GET", path: "/api/items/2", requestId: "r-contract", status: 200 });
    expect((logged?.issues as Array<{ path: string }>).map((i) => i.path).sort()).toEqual(["count", "id"]);
  });

  it.each([
    ["invalid JSON", fault.garbage()],
    ["a 200 HTML page", fault.text(200, "<!doctype html><html><body>captive portal</body></html>", "text/html")],
    ["an empty 200 where data was expected", fault.empty(200)],
    ["a redirect (not followed)", fault.empty(307, { location: "http://example.invalid/elsewhere" })],
  ])("%s", async (_name, behavior) => {
    h.server.setRoute("GET", "/api/items/3", behavior);
    const err = await failure(h.mod.upstream({ method: "GET", path: "/api/items/3", schema: item }));
    expect(err).toMatchObject({ status: 502, code: "UPSTREAM_CONTRACT_ERROR" });
    expect(err.message).not.toMatch(/</);
    expect(h.server.requests).toHaveLength(1);
  });
});
