import { describe, expect, it } from "vitest";
import { changedFields, type SettingsFields, type StoredFunctionFields } from "@/lib/forms/changed-fields";

const stored: StoredFunctionFields = {
  name: "fn",
  description: null,
  runtime: "Python 3.12",
  memory: 256,
  timeout: 30,
  httpMethods: ["POST", "GET"],
  invocationUrl: null,
  environmentVariables: { A: "1" },
};

describe("changedFields: one rule for the settings form and the BFF", () => {
  it.each<[string, SettingsFields, SettingsFields]>([
    ["nothing sent", {}, {}],
    [
      "everything equal, methods in another order, blanks for nulls",
      { description: "", invocationUrl: null, httpMethods: ["GET", "POST"], environmentVariables: { A: "1" } },
      {},
    ],
    ["a duplicate method is still the same set", { httpMethods: ["GET", "POST", "GET"] }, {}],
    ["memory", { memory: 512 }, { memory: 512 }],
    ["a method removed", { httpMethods: ["GET"] }, { httpMethods: ["GET"] }],
    ["an env value", { environmentVariables: { A: "2" } }, { environmentVariables: { A: "2" } }],
    ["an env name", { environmentVariables: { B: "1" } }, { environmentVariables: { B: "1" } }],
    ["a URL set", { invocationUrl: "http://x" }, { invocationUrl: "http://x" }],
  ])("%s", (_n, next, expected) => {
    expect(changedFields(next, stored)).toEqual(expected);
  });
});
