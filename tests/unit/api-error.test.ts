import { describe, expect, it } from "vitest";
import { ApiError, apiErrorFromResponse, isApiError, parseErrorBody, toEnvelope } from "@/lib/api/api-error";
import { codeForStatus } from "@/lib/api/error-codes";
import { errorEnvelope } from "@/lib/contract/common";
import { isErrorEnvelope } from "@/lib/contract/error-envelope";

const JSON_TYPE = "application/json";
const HTML_PAGE =
  "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>nginx secret-host</h1></body></html>";

type Row = {
  name: string;
  status: number;
  contentType: string | null;
  body: string;
  headerId?: string;
  expected: { code: string; message: string | RegExp; details?: unknown; requestId?: string };
};

const ROWS: Row[] = [
  {
    name: "our envelope, all fields",
    status: 400,
    contentType: JSON_TYPE,
    body: JSON.stringify({
      error: {
        code: "VALIDATION_ERROR",
        message: "name must not be empty",
        details: { field: "name" },
        requestId: "rid-body",
      },
    }),
    headerId: "rid-header",
    expected: {
      code: "VALIDATION_ERROR",
      message: "name must not be empty",
      details: { field: "name" },
      requestId: "rid-body",
    },
  },
  {
    name: "envelope without requestId takes the header's",
    status: 500,
    contentType: JSON_TYPE,
    body: JSON.stringify({ error: { code: "CREATE_ERROR", message: "Failed to create function", details: null } }),
    headerId: "rid-header",
    expected: {
      code: "CREATE_ERROR",
      message: "Failed to create function",
      details: undefined,
      requestId: "rid-header",
    },
  },
  {
    name: "envelope served without a JSON content-type",
    status: 404,
    contentType: "text/plain",
    body: JSON.stringify({ error: { code: "NOT_FOUND", message: "Workspace ws-1 not found" } }),
    expected: { code: "NOT_FOUND", message: "Workspace ws-1 not found" },
  },
  {
    name: "FastAPI detail string 404",
    status: 404,
    contentType: JSON_TYPE,
    body: '{"detail":"Not Found"}',
    expected: { code: "NOT_FOUND", message: "Not Found" },
  },
  {
    name: "FastAPI detail string 401",
    status: 401,
    contentType: JSON_TYPE,
    body: '{"detail":"Not authenticated"}',
    expected: { code: "UNAUTHENTICATED", message: "Not authenticated" },
  },
  {
    name: "FastAPI detail string 403",
    status: 403,
    contentType: JSON_TYPE,
    body: '{"detail":"Forbidden"}',
    expected: { code: "FORBIDDEN", message: "Forbidden" },
  },
  {
    name: "FastAPI detail string 409",
    status: 409,
    contentType: JSON_TYPE,
    body: '{"detail":"exists"}',
    expected: { code: "CONFLICT", message: "exists" },
  },
  {
    name: "FastAPI detail string 413",
    status: 413,
    contentType: JSON_TYPE,
    body: '{"detail":"too big"}',
    expected: { code: "PAYLOAD_TOO_LARGE", message: "too big" },
  },
  {
    name: "FastAPI detail string 429",
    status: 429,
    contentType: JSON_TYPE,
    body: '{"detail":"slow down"}',
    expected: { code: "RATE_LIMITED", message: "slow down" },
  },
  {
    name: "FastAPI detail string 503",
    status: 503,
    contentType: JSON_TYPE,
    body: '{"detail":"Builder down"}',
    expected: { code: "UPSTREAM_UNAVAILABLE", message: "Builder down" },
  },
  {
    name: "FastAPI detail object with code and message",
    status: 503,
    contentType: JSON_TYPE,
    body: '{"detail":{"code":"LOKI_CONNECTION_ERROR","message":"Loki is unreachable"}}',
    expected: { code: "LOKI_CONNECTION_ERROR", message: "Loki is unreachable" },
  },
  {
    name: "FastAPI 422 list: first field without 'body', all fields listed, input never copied",
    status: 422,
    contentType: JSON_TYPE,
    body: JSON.stringify({
      detail: [
        {
          loc: ["body", "memory"],
          msg: "Input should be less than or equal to 1024",
          type: "less_than_equal",
          input: 4096,
        },
        {
          loc: ["body", "environmentVariables", "JWT_SECRET"],
          msg: "Input should be a valid string",
          type: "string_type",
          input: 12345,
        },
        { loc: ["query", "limit"], msg: "Input should be a valid integer", type: "int_parsing", input: "hunter2" },
      ],
    }),
    expected: {
      code: "VALIDATION_ERROR",
      message: "memory: Input should be less than or equal to 1024 (and 2 more)",
      details: {
        field: "memory",
        fields: [
          { field: "memory", message: "Input should be less than or equal to 1024" },
          { field: "environmentVariables.JWT_SECRET", message: "Input should be a valid string" },
          { field: "limit", message: "Input should be a valid integer" },
        ],
      },
    },
  },
  {
    name: "FastAPI 422 on a broken JSON body names 'body', not the byte offset",
    status: 422,
    contentType: JSON_TYPE,
    body: JSON.stringify({ detail: [{ loc: ["body", 12], msg: "JSON decode error", type: "json_invalid" }] }),
    expected: {
      code: "VALIDATION_ERROR",
      message: "body: JSON decode error",
      details: { field: "body", fields: [{ field: "body", message: "JSON decode error" }] },
    },
  },
  {
    name: "FastAPI 422 list with nested array index",
    status: 422,
    contentType: JSON_TYPE,
    body: JSON.stringify({ detail: [{ loc: ["body", "httpMethods", 0], msg: "Input should be 'GET'", type: "enum" }] }),
    expected: {
      code: "VALIDATION_ERROR",
      message: "httpMethods.0: Input should be 'GET'",
      details: { field: "httpMethods.0", fields: [{ field: "httpMethods.0", message: "Input should be 'GET'" }] },
    },
  },
  {
    name: "FastAPI 422 list with unusable items",
    status: 422,
    contentType: JSON_TYPE,
    body: '{"detail":[{"foo":1}]}',
    expected: { code: "VALIDATION_ERROR", message: "The backend answered 422 Unprocessable Content." },
  },
  {
    name: "other service's {message}",
    status: 502,
    contentType: JSON_TYPE,
    body: '{"message":"Internal server error"}',
    expected: { code: "UPSTREAM_ERROR", message: "Internal server error" },
  },
  {
    name: "{error: string}",
    status: 400,
    contentType: JSON_TYPE,
    body: '{"error":"bad thing"}',
    expected: { code: "VALIDATION_ERROR", message: "bad thing" },
  },
  {
    name: "unknown JSON object",
    status: 500,
    contentType: JSON_TYPE,
    body: '{"foo":"bar"}',
    expected: { code: "INTERNAL_ERROR", message: "The backend answered 500 Internal Server Error." },
  },
  {
    name: "JSON content-type, invalid JSON",
    status: 400,
    contentType: JSON_TYPE,
    body: '{"detail": ',
    expected: { code: "VALIDATION_ERROR", message: "The backend answered 400 Bad Request." },
  },
  {
    name: "plain text 4xx is shown",
    status: 404,
    contentType: "text/plain",
    body: "No such function\n",
    expected: { code: "NOT_FOUND", message: "No such function" },
  },
  {
    name: "plain text 5xx (traceback) is hidden",
    status: 500,
    contentType: "text/plain",
    body: 'Traceback (most recent call last):\n  File "/app/main.py"',
    expected: { code: "INTERNAL_ERROR", message: "The backend answered 500 Internal Server Error." },
  },
  {
    name: "HTML 502 from a proxy",
    status: 502,
    contentType: "text/html",
    body: HTML_PAGE,
    expected: { code: "UPSTREAM_ERROR", message: "The backend answered 502 Bad Gateway." },
  },
  {
    name: "HTML without a content-type",
    status: 504,
    contentType: null,
    body: HTML_PAGE,
    expected: { code: "UPSTREAM_TIMEOUT", message: "The backend answered 504 Gateway Timeout." },
  },
  {
    name: "HTML inside a detail string",
    status: 400,
    contentType: JSON_TYPE,
    body: JSON.stringify({ detail: "<html><body>oops</body></html>" }),
    expected: { code: "VALIDATION_ERROR", message: "The backend answered 400 Bad Request." },
  },
  {
    name: "empty body 404",
    status: 404,
    contentType: null,
    body: "",
    expected: { code: "NOT_FOUND", message: "The backend answered 404 Not Found." },
  },
  {
    name: "whitespace body 503",
    status: 503,
    contentType: JSON_TYPE,
    body: "  \n",
    expected: { code: "UPSTREAM_UNAVAILABLE", message: "The backend answered 503 Service Unavailable." },
  },
  {
    name: "empty body, unusual status",
    status: 418,
    contentType: null,
    body: "",
    expected: { code: "BAD_REQUEST", message: "The backend answered with status 418." },
  },
  {
    name: "empty body 501",
    status: 501,
    contentType: null,
    body: "",
    expected: { code: "INTERNAL_ERROR", message: "The backend answered 501 Not Implemented." },
  },
];

describe("parseErrorBody", () => {
  it.each(ROWS)("$name", ({ status, contentType, body, headerId, expected }) => {
    const err = parseErrorBody(status, contentType, body, headerId);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(status);
    expect(err.code).toBe(expected.code);
    if (typeof expected.message === "string") expect(err.message).toBe(expected.message);
    else expect(err.message).toMatch(expected.message);
    if ("details" in expected) expect(err.details).toEqual(expected.details);
    expect(err.requestId).toBe(expected.requestId ?? headerId);
    expect(err.message).not.toMatch(/<|secret-host|hunter2/);
  });

  it("truncates a very long message to one bounded line", () => {
    const err = parseErrorBody(400, "text/plain", `${"x".repeat(10_000)}\n\tmore`);
    expect(err.message.length).toBe(500);
    expect(err.message.endsWith("…")).toBe(true);
  });

  it("survives a body over the read limit", () => {
    const err = parseErrorBody(400, JSON_TYPE, `{"detail":"${"y".repeat(200_000)}"}`);
    expect(err.code).toBe("VALIDATION_ERROR");
    expect(err.message).toBe("The backend answered 400 Bad Request.");
  });
});

describe("codeForStatus", () => {
  it.each([
    [400, "VALIDATION_ERROR"],
    [401, "UNAUTHENTICATED"],
    [403, "FORBIDDEN"],
    [404, "NOT_FOUND"],
    [409, "CONFLICT"],
    [413, "PAYLOAD_TOO_LARGE"],
    [422, "VALIDATION_ERROR"],
    [429, "RATE_LIMITED"],
    [500, "INTERNAL_ERROR"],
    [502, "UPSTREAM_ERROR"],
    [503, "UPSTREAM_UNAVAILABLE"],
    [504, "UPSTREAM_TIMEOUT"],
    [507, "INTERNAL_ERROR"],
    [405, "BAD_REQUEST"],
  ])("%i → %s", (status, code) => expect(codeForStatus(status)).toBe(code));
});

describe("apiErrorFromResponse", () => {
  it("reads the body and the x-request-id header", async () => {
    const res = new Response('{"detail":"Not Found"}', {
      status: 404,
      headers: { "content-type": JSON_TYPE, "x-request-id": "rid-1" },
    });
    const err = await apiErrorFromResponse(res);
    expect(err).toMatchObject({ status: 404, code: "NOT_FOUND", message: "Not Found", requestId: "rid-1" });
  });

  it("falls back to the caller's request id", async () => {
    const err = await apiErrorFromResponse(new Response(null, { status: 503 }), "rid-sent");
    expect(err).toMatchObject({ status: 503, code: "UPSTREAM_UNAVAILABLE", requestId: "rid-sent" });
  });

  it("stops reading a huge body and still answers", async () => {
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode("z".repeat(16_384)));
      },
    });
    const err = await apiErrorFromResponse(
      new Response(huge, { status: 400, headers: { "content-type": "text/plain" } }),
    );
    expect(err.code).toBe("VALIDATION_ERROR");
    expect(err.message.length).toBeLessThanOrEqual(500);
  });

  it("a body that breaks off mid-read still gives the status", async () => {
    const broken = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new Error("socket hang up"));
      },
    });
    const err = await apiErrorFromResponse(new Response(broken, { status: 502 }));
    expect(err).toMatchObject({
      status: 502,
      code: "UPSTREAM_ERROR",
      message: "The backend answered 502 Bad Gateway.",
    });
  });
});

describe("toEnvelope / isApiError", () => {
  it("produces the envelope, omitting absent fields", () => {
    const full = new ApiError({
      status: 400,
      code: "VALIDATION_ERROR",
      message: "bad",
      details: { field: "name" },
      requestId: "r1",
    });
    expect(toEnvelope(full)).toEqual({
      error: { code: "VALIDATION_ERROR", message: "bad", details: { field: "name" }, requestId: "r1" },
    });
    const bare = new ApiError({ status: 404, code: "NOT_FOUND", message: "gone" });
    expect(toEnvelope(bare)).toEqual({ error: { code: "NOT_FOUND", message: "gone" } });
  });

  it("round-trips through the parser", () => {
    const err = new ApiError({
      status: 409,
      code: "CONFLICT",
      message: "taken",
      details: { field: "name" },
      requestId: "r2",
    });
    const back = parseErrorBody(409, JSON_TYPE, JSON.stringify(toEnvelope(err)));
    expect(back).toMatchObject({
      status: 409,
      code: "CONFLICT",
      message: "taken",
      details: { field: "name" },
      requestId: "r2",
    });
  });

  it("recognises ApiErrors, including copies from another bundle", () => {
    expect(isApiError(new ApiError({ status: 500, code: "X", message: "m" }))).toBe(true);
    const foreign = Object.assign(new Error("m"), { name: "ApiError", status: 500, code: "X" });
    expect(isApiError(foreign)).toBe(true);
    expect(isApiError(new Error("m"))).toBe(false);
    expect(isApiError({ name: "ApiError", status: 500, code: "X" })).toBe(false);
    expect(isApiError(null)).toBe(false);
  });
});

describe("isErrorEnvelope: the envelope check the browser ships instead of zod", () => {
  const ok = (error: Record<string, unknown>) => ({ error });
  it.each([
    ["all fields", ok({ code: "X", message: "m", details: { a: 1 }, requestId: "r" }), true],
    ["details null", ok({ code: "X", message: "m", details: null }), true],
    ["no details, no requestId", ok({ code: "X", message: "" }), true],
    ["empty code", ok({ code: "", message: "m" }), false],
    ["code not a string", ok({ code: 400, message: "m" }), false],
    ["no message", ok({ code: "X" }), false],
    ["details an array", ok({ code: "X", message: "m", details: [1] }), false],
    ["details a string", ok({ code: "X", message: "m", details: "d" }), false],
    ["requestId a number", ok({ code: "X", message: "m", requestId: 7 }), false],
    ["error a string", { error: "boom" }, false],
    ["an array", [ok({ code: "X", message: "m" })], false],
    ["null", null, false],
  ])("%s", (_name, value, expected) => {
    expect(isErrorEnvelope(value)).toBe(expected);
    // The server's zod schema is the same check.
    expect(errorEnvelope.safeParse(value).success).toBe(expected);
  });
});
