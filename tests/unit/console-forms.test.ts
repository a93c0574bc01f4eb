import { describe, expect, it } from "vitest";
import { decodeUtf8Base64, encodeUtf8Base64 } from "@/lib/base64";
import { DEFAULT_RUNTIME, functionCreate, workspaceCreate } from "@/lib/contract";
import { envRowsToVariables, rowErrorsFromServer, type EnvRow } from "@/lib/forms/env-rows";
import { fieldErrorsFromDetails, toFieldErrors, type IssueMessage } from "@/lib/forms/field-errors";
import { FUNCTION_TEMPLATE_IDS, FUNCTION_TEMPLATES, SUPPORTED_RUNTIMES } from "@/lib/templates/function-templates";

const say = (i: IssueMessage) => `${i.key}${i.values ? JSON.stringify(i.values) : ""}`;
const base = { name: "f", runtime: DEFAULT_RUNTIME, memory: 256, timeout: 30, httpMethods: ["POST"], code: "" };

describe("client-side field errors use the server's keys", () => {
  it.each([
    ["empty name", { ...base, name: "  " }, { name: ["required"] }],
    ["memory 64", { ...base, memory: 64 }, { memory: ['min{"min":128}'] }],
    ["memory 2048", { ...base, memory: 2048 }, { memory: ['max{"max":1024}'] }],
    ["fractional memory", { ...base, memory: 200.5 }, { memory: ["wholeNumber"] }],
    ["empty timeout input", { ...base, timeout: Number.NaN }, { timeout: ["number"] }],
    ["timeout 901", { ...base, timeout: 901 }, { timeout: ['max{"max":900}'] }],
    ["no methods", { ...base, httpMethods: [] }, { httpMethods: ["atLeastOne"] }],
    ["bad env name", { ...base, environmentVariables: { "1X": "v" } }, { "environmentVariables.1X": ["invalid"] }],
  ])("%s", (_name, input, expected) => {
    const r = functionCreate.safeParse(input);
    expect(r.success).toBe(false);
    expect(toFieldErrors(r.error!, say)).toEqual(expected);
  });

  it("workspace errors land under name and description", () => {
    const r = workspaceCreate.safeParse({ name: "", description: "x".repeat(2001) });
    expect(toFieldErrors(r.error!, say)).toEqual({ name: ["required"], description: ['tooLong{"max":2000}'] });
  });
});

describe("environment variable rows", () => {
  const rows = (...pairs: Array<[string, string]>): EnvRow[] =>
    pairs.map(([name, value], i) => ({ id: `r${i}`, name, value, masked: false, loadedName: null }));

  it("builds the record, trims names and skips blank rows", () => {
    expect(envRowsToVariables(rows([" GREETING ", "안녕"], ["", ""], ["_X1", ""]))).toEqual({
      variables: { GREETING: "안녕", _X1: "" },
      problems: {},
    });
  });

  it.each([
    ["a value without a name", rows(["", "v"]), { r0: "required" }],
    ["a name starting with a digit", rows(["1ABC", "v"]), { r0: "envName" }],
    ["a name with a dash", rows(["MY-VAR", "v"]), { r0: "envName" }],
    ["a repeated name (later rows flagged)", rows(["A", "1"], ["B", "2"], ["A", "3"]), { r2: "duplicate" }],
  ])("flags %s", (_name, input, problems) => {
    expect(envRowsToVariables(input).problems).toEqual(problems);
  });

  it("maps the server's environmentVariables.KEY errors back to rows", () => {
    const r = rows(["A", "1"], ["B", "2"]);
    expect(rowErrorsFromServer(r, { "environmentVariables.B": ["bad"], memory: ["x"] })).toEqual({ r1: ["bad"] });
  });
});

describe("function templates", () => {
  it.each(FUNCTION_TEMPLATE_IDS.map((id) => [id]))(
    "%s survives Base64 byte for byte and passes the create schema",
    (id) => {
      const code = encodeUtf8Base64(FUNCTION_TEMPLATES[id]);
      expect(decodeUtf8Base64(code)).toBe(FUNCTION_TEMPLATES[id]);
      expect(functionCreate.safeParse({ ...base, code }).success).toBe(true);
    },
  );

  it("has the shapes the platform runs", () => {
    expect(FUNCTION_TEMPLATES.handler).toMatch(/^def handler\(event\):/m);
    expect(FUNCTION_TEMPLATES.spin).toMatch(/^class IncomingHandler\(http\.IncomingHandler\):/m);
    expect(SUPPORTED_RUNTIMES[0]).toBe(DEFAULT_RUNTIME);
  });
});

describe("a backend's field errors land on their field", () => {
  it.each([
    // Spec: `{ "error": { "code": "VALIDATION_ERROR", …, "details": { "field": "name" } } }`
    [{ field: "httpMethods" }, "needs at least one entry", { httpMethods: ["needs at least one entry"] }],
    // FastAPI's 422 `loc` of a list item names the list.
    [{ field: "httpMethods.0" }, "not a method", { httpMethods: ["not a method"] }],
    [{ field: "environmentVariables.API_KEY" }, "bad", { "environmentVariables.API_KEY": ["bad"] }],
    [
      {
        fields: [
          { field: "memory", message: "too big" },
          { field: "", message: "whole body" },
        ],
      },
      "ignored",
      { memory: ["too big"], _form: ["whole body"] },
    ],
    [undefined, "no field", {}],
  ])("%j → %j", (details, message, expected) => {
    expect(fieldErrorsFromDetails(details, message)).toEqual(expected);
  });

  it("offers only methods a backend routes: no HEAD or OPTIONS", () => {
    expect(functionCreate.safeParse({ name: "x", httpMethods: ["HEAD"], code: encodeUtf8Base64("x") }).success).toBe(
      false,
    );
    expect(
      functionCreate.safeParse({ name: "x", httpMethods: ["GET", "DELETE"], code: encodeUtf8Base64("x") }).success,
    ).toBe(true);
  });
});
