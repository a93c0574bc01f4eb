import { describe, expect, it } from "vitest";
import { meaningOf, type InvokeOutcome } from "@/components/test-invoke/invoke-outcome";
import { checkJson, positionAt, prettyJson } from "@/components/test-invoke/json-check";
import { locateJsonError } from "@/components/test-invoke/json-locate";

describe("payload check", () => {
  it("accepts any JSON value", () => {
    for (const text of ['{"a": 1}', "[]", '"text"', "42", "null", ' {"인사": "안녕"} ']) expect(checkJson(text).ok).toBe(true);
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
  const failure = (code: string): InvokeOutcome => ({ kind: "failure", code, message: "m", durationMs: 5 });

  it.each([
    [response(200), null],
    [response(204), null],
    [response(504), { meaning: "timeout", status: 504 }],
    [response(503), { meaning: "unreachable", status: 503 }],
    [response(500), { meaning: "functionError", status: 500 }],
    [response(422), { meaning: "clientError", status: 422 }],
    [failure("TIMEOUT_ERROR"), { meaning: "timeout", status: 504 }],
    [failure("UPSTREAM_TIMEOUT"), { meaning: "timeout", status: 504 }],
    [failure("CONNECTION_ERROR"), { meaning: "unreachable", status: 503 }],
    [failure("FUNCTION_DISABLED"), { meaning: "disabled", status: 409 }],
    [failure("INVOKE_ERROR"), { meaning: "platform", status: 500 }],
    [failure("INTERNAL_ERROR"), { meaning: "platform", status: 500 }],
    [failure("NETWORK_ERROR"), { meaning: "network" }],
  ] as const)("%j → %j", (outcome, expected) => {
    expect(meaningOf(outcome)).toEqual(expected);
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
    expect(offset === -1).toBe((() => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    })());
  });
});
