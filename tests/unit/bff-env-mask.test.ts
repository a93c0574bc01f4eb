import { describe, expect, it } from "vitest";
import { ENV_MASK } from "@/lib/dto/function";
import { RequestValidationError } from "@/server/http/validation";
import { compileSecretPatterns, containsMask, maskEnvironment, unmaskEnvironment } from "@/server/secrets/env-mask";

describe("SECRET_ENV_PATTERNS globs", () => {
  const isSecret = compileSecretPatterns("*SECRET*, *TOKEN*,*PASSWORD*,*KEY*,db_pass?");
  it.each([
    ["JWT_SECRET", true],
    ["jwt_secret", true],
    ["GITHUB_TOKEN", true],
    ["DB_PASSWORD", true],
    ["API_KEY", true],
    ["KEYCLOAK_URL", true], // *KEY* matches anywhere: over-masking is the safe side
    ["DB_PASS1", true],
    ["DB_PASS12", false],
    ["LOG_LEVEL", false],
    ["REGION", false],
  ])("%s → %s", (name, secret) => {
    expect(isSecret(name)).toBe(secret);
  });

  it("treats regex characters in a pattern literally", () => {
    const m = compileSecretPatterns("A.B*,(X)");
    expect(m("A.B_1")).toBe(true);
    expect(m("AXB_1")).toBe(false);
    expect(m("(X)")).toBe(true);
  });

  it("an empty list masks nothing", () => {
    expect(compileSecretPatterns(" , ")("JWT_SECRET")).toBe(false);
  });
});

describe("masking", () => {
  const isSecret = compileSecretPatterns("*SECRET*,*TOKEN*");
  const stored = { JWT_SECRET: "s3cr3t-value", API_TOKEN: "tok-123456", REGION: "ap-northeast-2" };

  it("replaces secret values only, for everyone", () => {
    expect(maskEnvironment(stored, isSecret)).toEqual({
      JWT_SECRET: ENV_MASK,
      API_TOKEN: ENV_MASK,
      REGION: "ap-northeast-2",
    });
  });

  it.each([
    ["mask kept → stored value", { JWT_SECRET: ENV_MASK, REGION: "eu" }, { JWT_SECRET: "s3cr3t-value", REGION: "eu" }],
    [
      "new value → new value",
      { JWT_SECRET: "rotated", API_TOKEN: ENV_MASK },
      { JWT_SECRET: "rotated", API_TOKEN: "tok-123456" },
    ],
    ["variable removed → removed", { REGION: "ap-northeast-2" }, { REGION: "ap-northeast-2" }],
  ])("unmask: %s", (_n, incoming, expected) => {
    expect(containsMask(incoming)).toBe(Object.values(incoming).includes(ENV_MASK));
    expect(unmaskEnvironment(incoming, stored)).toEqual(expected);
  });

  it("refuses a mask with no stored value, naming the variable", () => {
    try {
      unmaskEnvironment({ RENAMED_SECRET: ENV_MASK }, stored);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(RequestValidationError);
      expect((err as RequestValidationError).field).toBe("environmentVariables.RENAMED_SECRET");
    }
  });
});
