import { describe, expect, it } from "vitest";
import type { InvokeResultDto } from "@/lib/dto/function";
import { invokeResponse } from "@/app/api/_lib/invoke-response";
import { invokeBody } from "@/app/api/_lib/params";
import { platformFailureIn } from "@/server/upstream/passthrough-as-user";

const result = (over: Partial<InvokeResultDto>): InvokeResultDto => ({
  status: 200,
  durationMs: 42,
  contentType: "application/json",
  upstreamContentType: "application/json",
  body: '{"ok":true}',
  truncated: false,
  ...over,
});

describe("invoke response", () => {
  it("relays status and JSON body with the duration, marked as the function's answer", async () => {
    const res = invokeResponse(result({ status: 201 }));
    expect(res.status).toBe(201);
    expect(res.headers.get("x-eunha-answer")).toBe("function");
    expect(res.headers.get("x-eunha-upstream-content-type")).toBe("application/json");
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-eunha-duration-ms")).toBe("42");
    expect(await res.text()).toBe('{"ok":true}');
  });

  it("never serves a function's HTML as HTML", async () => {
    const res = invokeResponse(
      result({
        status: 500,
        contentType: "text/plain; charset=utf-8",
        upstreamContentType: "text/html",
        body: "<script>x</script>",
      }),
    );
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("204 has no body; a cut body is flagged", async () => {
    expect(await invokeResponse(result({ status: 204, body: "" })).text()).toBe("");
    expect(
      invokeResponse(result({ truncated: true, contentType: "text/plain; charset=utf-8" })).headers.get(
        "x-eunha-truncated",
      ),
    ).toBe("1");
  });
});

describe("the platform's failures in an invoke answer", () => {
  const pass = (status: number, contentType: string | null, bodyText: string) => ({
    status,
    contentType,
    bodyText,
    truncated: false,
    requestId: "rid-12345678",
  });
  // Spec, Function API, invoke: "504 on timeout, 503 on a network error, 500 otherwise", in the error envelope.
  it.each([
    [504, "application/json", '{"error":{"code":"INVOKE_TIMEOUT","message":"Function timed out"}}', "INVOKE_TIMEOUT"],
    [
      504,
      "application/json",
      '{"error":{"code":"GATEWAY_TIMEOUT","message":"any name a backend picks"}}',
      "GATEWAY_TIMEOUT",
    ],
    [
      503,
      "application/json",
      '{"error":{"code":"INVOKE_NETWORK_ERROR","message":"unreachable"}}',
      "INVOKE_NETWORK_ERROR",
    ],
    [
      500,
      "application/json; charset=utf-8",
      '{"error":{"code":"INVOKE_ERROR","message":"boom","details":null}}',
      "INVOKE_ERROR",
    ],
  ])("%i envelope → ApiError %s, status kept", (status, type, body, code) => {
    const err = platformFailureIn(pass(status, type, body));
    expect(err?.status).toBe(status);
    expect(err?.code).toBe(code);
  });

  // Spec: "the response body is the function's own response, passed through unchanged".
  it.each([
    [
      422,
      "application/json",
      '{"error":{"code":"VALIDATION_ERROR","message":"the function own check","details":{"field":"name"}}}',
    ],
    [401, "application/json", '{"error":{"code":"UNAUTHENTICATED","message":"the function wants a token"}}'],
    [403, "application/json", '{"detail":"Forbidden"}'],
    [404, "application/json", '{"error":{"code":"NOT_FOUND","message":"no such order"}}'],
    [502, "application/json", '{"error":{"code":"BAD_GATEWAY","message":"a 502 of the function itself"}}'],
    [500, "application/json", '{"message":"my function failed"}'],
    [500, "text/html", "<h1>oops</h1>"],
    [503, "text/plain", '{"error":{"code":"X","message":"not declared JSON"}}'],
    [200, "application/json", '{"error":{"code":"X","message":"a function may answer this"}}'],
    [400, "application/json", "not json"],
  ])("%i %s %s is the function's own answer", (status, type, body) => {
    expect(platformFailureIn(pass(status, type, body))).toBeNull();
  });
});

describe("the invoke payload", () => {
  it.each([[{ test: true }], [[1, 2]], [null], ["text"]])("%j is accepted", (payload) => {
    expect(invokeBody.parse(payload)).toEqual(payload);
  });
  it("an absent body and a payload over 1 MB are refused", () => {
    expect(invokeBody.safeParse(undefined).success).toBe(false);
    expect(invokeBody.safeParse({ big: "x".repeat(1024 * 1024) }).success).toBe(false);
  });
});
