import { describe, expect, it } from "vitest";
import type { InvokeResultDto } from "@/lib/dto/function";
import { invokeResponse } from "@/app/api/_lib/invoke-response";
import { backendErrorIn } from "@/server/upstream/passthrough-as-user";

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
  it("relays status and JSON body with the duration", async () => {
    const res = invokeResponse(result({ status: 201 }));
    expect(res.status).toBe(201);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("x-eunha-duration-ms")).toBe("42");
    expect(await res.text()).toBe('{"ok":true}');
  });

  it("never serves a function's HTML as HTML", async () => {
    const res = invokeResponse(result({ status: 500, contentType: "text/plain; charset=utf-8", upstreamContentType: "text/html", body: "<script>x</script>" }));
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("sandbox");
  });

  it("204 has no body; a cut body is flagged", async () => {
    expect(await invokeResponse(result({ status: 204, body: "" })).text()).toBe("");
    expect(invokeResponse(result({ truncated: true, contentType: "text/plain; charset=utf-8" })).headers.get("x-eunha-truncated")).toBe("1");
  });
});

describe("the backend's own errors in a relayed answer", () => {
  const pass = (status: number, contentType: string | null, bodyText: string) => ({ status, contentType, bodyText, truncated: false, requestId: "rid-12345678" });
  it.each([
    [504, "application/json", '{"error":{"code":"INVOKE_TIMEOUT","message":"Function timed out"}}', "INVOKE_TIMEOUT"],
    [503, "application/json", '{"error":{"code":"INVOKE_NETWORK_ERROR","message":"unreachable"}}', "INVOKE_NETWORK_ERROR"],
    [500, "application/json", '{"error":{"code":"INVOKE_ERROR","message":"boom"}}', "INVOKE_ERROR"],
  ])("%i envelope → ApiError %s, status kept", (status, type, body, code) => {
    const err = backendErrorIn(pass(status, type, body));
    expect(err?.status).toBe(status);
    expect(err?.code).toBe(code);
  });

  it.each([
    [500, "application/json", '{"message":"my function failed"}'],
    [500, "text/html", "<h1>oops</h1>"],
    [200, "application/json", '{"error":{"code":"X","message":"a function may answer this"}}'],
    [400, "application/json", "not json"],
  ])("%i %s %s is the function's own answer", (status, type, body) => {
    expect(backendErrorIn(pass(status, type, body))).toBeNull();
  });
});
