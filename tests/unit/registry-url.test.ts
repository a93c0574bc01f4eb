import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browserBuildAndPushForm, browserPushRequest } from "@/lib/dto/pipeline";
import { isRegistryRef, parseRegistryUrl } from "@/lib/contract";
import { parseInput, RequestValidationError } from "@/server/http/validation";

/** Issue 11, point 1: a credential goes only where it was configured to go, matched by whole segments. */
describe("registry_url parsing", () => {
  it.each([
    ["127.0.0.1:5201/team/../other", /\.\./],
    ["127.0.0.1:5201/team/./x", /\.\./],
    ["127.0.0.1:5201/team//x", /empty/],
    ["127.0.0.1:5201/team/", /empty/],
    ["registry.example.com\\team", /backslash/],
    ["registry.example.com/team%2f..%2fother", /percent/],
    ["u:p@registry.example.com/team", /user name/],
    ["https://registry.example.com/team", /scheme/],
    ["docker:registry.example.com/team", /scheme/],
    ["registry.example.com/te am", /whitespace/],
    ["registry.example.com/team\tx", /whitespace/],
    ["REGISTRY.example.com/team", /lower-case/],
    ["registry.example.com/Team", /segments/],
    ["registry.example.com:0/team", /port/],
    ["registry.example.com:99999/team", /port/],
    ["registry.example.com/team?x=1", /query/],
    ["", /empty/],
  ])("refuses %j", (raw, problem) => {
    const parsed = parseRegistryUrl(raw);
    expect(isRegistryRef(parsed)).toBe(false);
    expect((parsed as { problem: string }).problem).toMatch(problem);
  });

  it.each([
    ["registry.example.com", { host: "registry.example.com", segments: [] }],
    ["127.0.0.1:5201/team/app", { host: "127.0.0.1:5201", segments: ["team", "app"] }],
    [
      "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/my_app.v2",
      { host: "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com", segments: ["my_app.v2"] },
    ],
  ])("parses %j", (raw, expected) => {
    expect(parseRegistryUrl(raw)).toEqual(expected);
  });

  it.each([
    ["push (JSON)", browserPushRequest, { registry_url: "127.0.0.1:5201/team/../other" }],
    ["build-and-push (multipart fields)", browserBuildAndPushForm, { registry_url: "127.0.0.1:5201/team//x" }],
  ])("%s answers 400 with details.field registry_url", (_, schema, input) => {
    try {
      parseInput(schema, input);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(RequestValidationError);
      expect((err as RequestValidationError).field).toBe("registry_url");
    }
  });
});

describe("credentialsFor matches whole segments", () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv(
      "REGISTRY_CREDENTIALS",
      JSON.stringify([{ url: "127.0.0.1:5201/team", username: "ci", password: "team-only-pass" }]),
    );
  });
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ["127.0.0.1:5201/team", true],
    ["127.0.0.1:5201/team/app", true],
    ["127.0.0.1:5201/team/../other", false],
    ["127.0.0.1:5201/team/./app", false],
    ["127.0.0.1:5201/team//x", false],
    ["127.0.0.1:5201/teamx", false],
    ["127.0.0.1:5201/team%2F..%2Fother", false],
    ["127.0.0.1:5201/team\\..\\other", false],
    ["u:p@127.0.0.1:5201/team", false],
    ["http://127.0.0.1:5201/team", false],
    ["127.0.0.1:52011/team", false],
    ["127.0.0.1:5201", false],
  ])("%s → %s", async (target, allowed) => {
    const { credentialsFor } = await import("@/server/secrets/registries");
    expect(credentialsFor(target) !== null).toBe(allowed);
  });

  it("refuses an upper-case host that only matches case-insensitively", async () => {
    vi.stubEnv(
      "REGISTRY_CREDENTIALS",
      JSON.stringify([{ url: "registry.example.com/team", username: "ci", password: "p-1234567" }]),
    );
    const { credentialsFor } = await import("@/server/secrets/registries");
    expect(credentialsFor("Registry.Example.com/team")).toBeNull();
  });
});
