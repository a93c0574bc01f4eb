import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { redirect, notFound } from "next/navigation";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/api-error";
import { ERROR_CODES } from "@/lib/api/error-codes";

/*
 * Issue 16.1 and 16.2: one sanitiser for routes, actions and pages, one audit reading, codes from one
 * list, Next's control flow rethrown, and one request context.
 */
const SECRET = "svc-token-Abc123456";

beforeEach(() => {
  vi.resetModules();
  vi.stubEnv("BACKEND_TOKEN", SECRET);
  vi.stubEnv("REGISTRY_CREDENTIALS", "[]");
});
afterEach(() => vi.unstubAllEnvs());

describe("the sanitiser", () => {
  it("turns a backend 401 under the service credential into a 502 the user cannot loop on", async () => {
    vi.stubEnv("BACKEND_AUTH", "service");
    const { toFailure, isSessionEnded } = await import("@/server/errors/sanitise");
    const failure = toFailure(
      new ApiError({ status: 401, code: "UNAUTHENTICATED", message: "bad token" }),
      "req-00000001",
    );
    expect(failure).toMatchObject({ status: 502, code: "UPSTREAM_AUTH_ERROR", requestId: "req-00000001" });
    expect(isSessionEnded(failure)).toBe(false);
  });

  it("keeps a backend 401 a 401 when the user's own token is forwarded (their session ended)", async () => {
    vi.stubEnv("BACKEND_AUTH", "forward");
    const { toFailure, isSessionEnded } = await import("@/server/errors/sanitise");
    const failure = toFailure(new ApiError({ status: 401, code: "UNAUTHENTICATED", message: "expired" }), undefined);
    expect(failure).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    expect(isSessionEnded(failure)).toBe(true);
  });

  it("redacts a backend error quoting a secret, in message, code and details, in any form", async () => {
    const { toFailure, errorResponse } = await import("@/server/errors/sanitise");
    const quoted = new ApiError({
      status: 500,
      code: "CREATE_ERROR",
      message: `token ${SECRET.toLowerCase()} refused`,
      details: { echo: Buffer.from(SECRET).toString("base64"), authorization: `Bearer ${SECRET}` },
    });
    const failure = toFailure(quoted, "req-00000002");
    const body = await errorResponse(quoted, "req-00000002").text();
    for (const text of [JSON.stringify(failure), body]) {
      expect(text.toLowerCase()).not.toContain(SECRET.toLowerCase());
      expect(text).not.toContain(Buffer.from(SECRET).toString("base64"));
      expect(text).toContain("[redacted]");
    }
    expect(failure).toMatchObject({ status: 500, code: "CREATE_ERROR", details: { echo: "[redacted]" } });
  });

  it("hides an unexpected error and carries field errors of a validation failure", async () => {
    const { toFailure } = await import("@/server/errors/sanitise");
    const { RequestValidationError } = await import("@/server/http/validation");
    expect(toFailure(new TypeError(`boom ${SECRET}`), "req-00000003")).toEqual({
      status: 500,
      code: "INTERNAL_ERROR",
      message: "The console failed to handle this request. Try again.",
      requestId: "req-00000003",
    });
    const v = toFailure(new RequestValidationError([{ field: "memory", message: "too small" }]), undefined);
    expect(v).toMatchObject({
      status: 400,
      code: "VALIDATION_ERROR",
      fieldErrors: { memory: ["too small"] },
      details: { field: "memory" },
    });
  });

  it("rethrows Next's control flow instead of describing it", async () => {
    const { toFailure } = await import("@/server/errors/sanitise");
    for (const raise of [() => redirect("/signin"), () => notFound()]) {
      let thrown: unknown;
      try {
        raise();
      } catch (err) {
        thrown = err;
      }
      expect(() => toFailure(thrown, undefined)).toThrow(thrown as Error);
    }
  });
});

describe("one audit reading for routes and actions", () => {
  it.each([
    [200, "ok"],
    [204, "ok"],
    [400, "refused"],
    [401, "refused"],
    [403, "refused"],
    [404, "refused"],
    [409, "refused"],
    [413, "refused"],
    [500, "failed"],
    [502, "failed"],
    [504, "failed"],
  ])("%i → %s", async (status, expected) => {
    const { auditResultOf } = await import("@/server/audit");
    expect(auditResultOf(status)).toBe(expected);
  });
});

describe("error codes come from one list", () => {
  it("every code the console raises or branches on is in ERROR_CODES", () => {
    const files = ["app", "components", "server", "lib"].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: "utf8" })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => join(dir, f)),
    );
    const used = new Set<string>();
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\bcode(?::|\s*[!=]==)\s*"([A-Z][A-Z0-9_]+)"/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    const unknown = [...used].filter((c) => !(ERROR_CODES as readonly string[]).includes(c));
    expect(unknown).toEqual([]);
  });
});

describe("request context", () => {
  it.each([
    ["req-12345678", "req-12345678"],
    ["short", null],
    ["bad id with spaces", null],
    [null, null],
  ])("request id %j", async (incoming, kept) => {
    const { requestIdFrom } = await import("@/server/context/request-id");
    const id = requestIdFrom(incoming);
    if (kept) expect(id).toBe(kept);
    else expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("is what the wrapper set, inside and across awaits, and nothing outside", async () => {
    const { currentRequestId, runWithRequestContext } = await import("@/server/context/request-context");
    expect(await currentRequestId()).toBeUndefined();
    const seen = await runWithRequestContext("req-ctx-0001", async () => {
      await new Promise((r) => setImmediate(r));
      return currentRequestId();
    });
    expect(seen).toBe("req-ctx-0001");
  });
});
