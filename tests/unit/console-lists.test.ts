import { describe, expect, it } from "vitest";
import {
  matchesFunctionText,
  matchesStatus,
  parseFunctionListQuery,
  writeFunctionListQuery,
} from "@/lib/functions/list-query";
import { matchesWorkspace } from "@/lib/workspaces/search";

describe("function list query string", () => {
  it.each([
    ["", { q: "", status: "all", sort: null }],
    [
      "?q=auth&status=active&sort=-invocations24h",
      { q: "auth", status: "active", sort: { id: "invocations24h", desc: true } },
    ],
    ["?status=disabled&sort=name", { q: "", status: "disabled", sort: { id: "name", desc: false } }],
    ["?status=broken&sort=-password", { q: "", status: "all", sort: null }],
    ["?sort=-", { q: "", status: "all", sort: null }],
  ])("%s", (qs, expected) => {
    expect(parseFunctionListQuery(new URLSearchParams(qs))).toEqual(expected);
  });

  it("writes only what differs from the defaults and keeps other parameters", () => {
    const base = new URLSearchParams("tab=x&q=old&status=active");
    expect(writeFunctionListQuery(base, { q: "", status: "all", sort: { id: "name", desc: true } }).toString()).toBe(
      "tab=x&sort=-name",
    );
    expect(writeFunctionListQuery(base, { q: "user auth", status: "disabled", sort: null }).toString()).toBe(
      "tab=x&q=user+auth&status=disabled",
    );
  });
});

describe("filters", () => {
  const fn = { name: "User-Auth", description: "JWT 검증" };
  it.each([
    ["", true],
    ["auth", true],
    ["USER", true],
    ["검증", true],
    ["billing", false],
  ])("function text %j → %s", (q, expected) => {
    expect(matchesFunctionText(fn, q)).toBe(expected);
  });

  it("status", () => {
    expect(matchesStatus("active", "all")).toBe(true);
    expect(matchesStatus("active", "disabled")).toBe(false);
    expect(matchesStatus("disabled", "disabled")).toBe(true);
  });

  it.each([
    ["", true],
    ["prod", true],
    ["customer prod", true],
    ["customer staging", false],
    ["  ", true],
  ])("workspace search %j → %s", (q, expected) => {
    expect(matchesWorkspace({ name: "Production", description: "Customer facing" }, q)).toBe(expected);
  });

  it("a workspace without a description matches on its name", () => {
    expect(matchesWorkspace({ name: "Demo", description: null }, "demo")).toBe(true);
  });
});
