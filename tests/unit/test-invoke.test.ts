import { describe, expect, it } from "vitest";
import { meaningOf, type InvokeOutcome } from "@/components/test-invoke/invoke-outcome";
import { outcomeOf } from "@/components/test-invoke/invoke-request";
import { checkJson, positionAt, prettyJson } from "@/components/test-invoke/json-check";
import { locateJsonError } from "@/components/test-invoke/json-locate";

describe("payload check", () => {
  it("accepts any JSON value", () => {
    for (const text of ['{"a": 1}', "[]", '"text"', "42", "null", ' {"인사": "안녕"} '])
      expect(checkJson(text).ok).toBe(true);
  });

  it("refuses an empty payload with its own reason", () => {
    expect(checkJson("  \n")).toEqual({ ok: false, problem: { line: 1, column: 1, reason: "empty", detail: "" } });
  });

  it("says where the JSON breaks", () => {
    const result = checkJson('{\n  "a": 1,\n  "b": \n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ reason: "syntax", line: 4, column: 1 });
  });

  it("refuses comments and trailing commas, as JSON.parse on the server does", () => {
    expect(checkJson('{"a": 1,}').ok).toBe(false);
    expect(checkJson('{"a": 1} // note').ok).toBe(false);
  });

  it("maps offsets to lines and columns", () => {
    expect(positionAt("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(positionAt("ab\r\ncd", 0)).toEqual({ line: 1, column: 1 });
  });

  it("pretty-prints JSON and leaves text alone", () => {
    expect(prettyJson('{"echo":{"a":1}}')).toBe('{\n  "echo": {\n    "a": 1\n  }\n}');
    expect(prettyJson("plain text")).toBe("plain text");
  });
});

describe("what an invocation outcome means", () => {
  const response = (status: number): InvokeOutcome => ({
    kind: "response",
    status,
    durationMs: 5,
    contentType: "application/json",
    upstreamContentType: "application/json",
    body: "{}",
    truncated: false,
  });
  const failure = (status: number, code: string): InvokeOutcome => ({
    kind: "failure",
    status,
    code,
    message: "m",
    durationMs: 5,
  });

  it.each([
    [response(200), null],
    [response(204), null],
    // The function's own answers, whatever their status: only the platform's envelope means a platform failure.
    [response(504), { meaning: "functionError", status: 504 }],
    [response(503), { meaning: "functionError", status: 503 }],
    [response(500), { meaning: "functionError", status: 500 }],
    [response(422), { meaning: "clientError", status: 422 }],
    [response(401), { meaning: "clientError", status: 401 }],
    // The platform's failures are read by status, whatever the backend names its code.
    [failure(504, "TIMEOUT_ERROR"), { meaning: "timeout", status: 504 }],
    [failure(504, "GATEWAY_TIMEOUT"), { meaning: "timeout", status: 504 }],
    [failure(504, "UPSTREAM_TIMEOUT"), { meaning: "timeout", status: 504 }],
    [failure(503, "CONNECTION_ERROR"), { meaning: "unreachable", status: 503 }],
    [failure(503, "SERVICE_UNAVAILABLE"), { meaning: "unreachable", status: 503 }],
    [failure(503, "UPSTREAM_UNAVAILABLE"), { meaning: "backendDown", status: 503 }],
    [failure(409, "FUNCTION_DISABLED"), { meaning: "disabled", status: 409 }],
    [failure(500, "INVOKE_ERROR"), { meaning: "platform", status: 500 }],
    [failure(500, "INTERNAL_ERROR"), { meaning: "platform", status: 500 }],
    [failure(502, "UPSTREAM_CONTRACT_ERROR"), { meaning: "platform", status: 502 }],
    [failure(404, "NOT_FOUND"), { meaning: "notFound", status: 404 }],
    [failure(403, "FORBIDDEN"), { meaning: "forbidden", status: 403 }],
    [failure(400, "VALIDATION_ERROR"), { meaning: "invalidPayload", status: 400 }],
    [failure(0, "NETWORK_ERROR"), { meaning: "network" }],
  ] as const)("%j → %j", (outcome, expected) => {
    expect(meaningOf(outcome)).toEqual(expected);
  });
});

describe("reading the invoke route's answer", () => {
  const marked = (status: number, body: string, type = "application/json") =>
    new Response(body, {
      status,
      headers: {
        "content-type": type,
        "x-eunha-answer": "function",
        "x-eunha-duration-ms": "12",
        "x-eunha-upstream-content-type": type,
      },
    });

  it("a marked answer is the function's, byte for byte, whatever its status and shape", async () => {
    const body = '{"error":{"code":"VALIDATION_ERROR","message":"mine","details":{"field":"qty"}}}';
    expect(await outcomeOf(marked(422, body), 99)).toEqual({
      kind: "response",
      status: 422,
      durationMs: 12,
      contentType: "application/json",
      upstreamContentType: "application/json",
      body,
      truncated: false,
    });
    expect(await outcomeOf(marked(401, "who are you?", "text/plain; charset=utf-8"), 99)).toMatchObject({
      kind: "response",
      status: 401,
      body: "who are you?",
    });
  });

  it("an unmarked answer is the console's error, with its status", async () => {
    const envelope = (status: number, code: string) =>
      new Response(JSON.stringify({ error: { code, message: "m", requestId: "rid-1" } }), {
        status,
        headers: { "content-type": "application/json" },
      });
    expect(await outcomeOf(envelope(504, "GATEWAY_TIMEOUT"), 7)).toEqual({
      kind: "failure",
      status: 504,
      code: "GATEWAY_TIMEOUT",
      message: "m",
      requestId: "rid-1",
      durationMs: 7,
    });
    expect(await outcomeOf(envelope(401, "SESSION_EXPIRED"), 7)).toMatchObject({
      status: 401,
      code: "UNAUTHENTICATED",
    });
  });
});

describe("locating a JSON error", () => {
  it.each([
    ['{"a": 1}', -1],
    ["[1, 2, 3]", -1],
    ['"\\u00e9\\n"', -1],
    ["-0.5e+3", -1],
    ['{"한": "글"}', -1],
    ["{,}", 1],
    ['{"a" 1}', 5],
    ['{"a": 1,}', 8],
    ["[1 2]", 3],
    ["01", 1],
    ["tru", 3],
    ['"abc', 4],
    ['"\\x"', 2],
    ['{"a": 1} x', 9],
    ["", 0],
    ["-", 0],
  ] as const)("%j → %i", (text, offset) => {
    expect(locateJsonError(text)).toBe(offset);
    expect(offset === -1).toBe(
      (() => {
        try {
          JSON.parse(text);
          return true;
        } catch {
          return false;
        }
      })(),
    );
  });
});
