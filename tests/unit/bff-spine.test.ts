import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { functionCreate, workspaceCreate } from "@/lib/contract";
import { parseInput, RequestValidationError } from "@/server/http/validation";
import { REDACTED, redactString, scrub } from "@/server/secrets/redact";

describe("parseInput → VALIDATION_ERROR details", () => {
  it.each([
    [{ name: "f", httpMethods: [], code: "" }, "httpMethods"],
    [{ name: "f", httpMethods: ["GET"], code: "!!", memory: 64 }, "memory"],
    [{ name: "f", httpMethods: ["GET"], code: "", password: "x" }, "password"],
  ])("%j names %s", (input, field) => {
    let error: unknown;
    try {
      parseInput(functionCreate, input);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.field)).toContain(field);
  });

  it("unknown fields say so, without echoing their value", () => {
    try {
      parseInput(workspaceCreate, { name: "a", password: "hunter2-secret" });
      expect.unreachable();
    } catch (err) {
      const e = err as RequestValidationError;
      expect(e.field).toBe("password");
      expect(JSON.stringify({ m: e.message, i: e.issues })).not.toContain("hunter2-secret");
      expect(e.fieldErrors()).toEqual({ password: ["is not a known field"] });
    }
  });
});

describe("scrub", () => {
  const secrets = ["s3cr3t-Registry-Pa55"];
  it.each([
    ["password", { password: "x", ok: 1 }, { ok: 1 }],
    [
      "nested token",
      { result: { image_url: "r/x", token: "t", registry_password: "p" } },
      { result: { image_url: "r/x" } },
    ],
    ["authorization header", { headers: { Authorization: "Bearer x", accept: "a" } }, { headers: { accept: "a" } }],
    ["credential list", [{ credentials: ["a"], n: 1 }], [{ n: 1 }]],
    [
      "secret in text",
      { error: "docker login -u AWS -p s3cr3t-Registry-Pa55 r.example failed" },
      { error: `docker login -u AWS -p ${REDACTED} r.example failed` },
    ],
  ])("%s", (_n, input, expected) => {
    expect(scrub(input, secrets)).toEqual(expected);
  });
  it("leaves short values alone (too common to be secrets)", () => {
    expect(redactString("abc", ["ab"])).toBe("abc");
  });
});

describe("registry credentials", () => {
  beforeEach(() => {
    vi.resetModules();
    vi.stubEnv(
      "REGISTRY_CREDENTIALS",
      JSON.stringify([
        { url: "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com", auth: "irsa" },
        { url: "registry.example.com", username: "ci", password: "host-wide-pass" },
        { url: "registry.example.com/team-a", username: "AWS", password: "team-a-pass" },
      ]),
    );
  });
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ["registry.example.com/team-a/app", { username: "AWS", password: "team-a-pass" }],
    ["registry.example.com/team-a", { username: "AWS", password: "team-a-pass" }],
    ["registry.example.com/team-ab/app", { username: "ci", password: "host-wide-pass" }],
    ["123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/my-app", { username: "", password: "" }],
    ["evil.example.com/registry.example.com", null],
    ["registry.example.com.evil.io/app", null],
  ])("%s", async (target, expected) => {
    const { credentialsFor } = await import("@/server/secrets/registries");
    expect(credentialsFor(target)).toEqual(expected);
  });

  it("lists URLs only and knows every password for redaction", async () => {
    const { registryUrls, secretValues } = await import("@/server/secrets/registries");
    expect(JSON.stringify(registryUrls())).not.toContain("pass");
    expect(secretValues()).toEqual(expect.arrayContaining(["host-wide-pass", "team-a-pass"]));
  });

  it("names a bad entry without its value", async () => {
    vi.stubEnv("REGISTRY_CREDENTIALS", JSON.stringify([{ url: "r.example", username: "u", password: "" }]));
    const { registries } = await import("@/server/secrets/registries");
    expect(() => registries()).toThrow(/entries at: 0/);
  });
});

describe("same-origin check for mutations", () => {
  const req = (headers: Record<string, string>) =>
    new Request("http://127.0.0.1:3000/api/workspaces", { method: "POST", headers });
  it.each([
    [{ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }, true],
    [{}, true],
    [{ origin: "https://evil.example" }, false],
    [{ "sec-fetch-site": "cross-site" }, false],
    [{ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-site" }, false],
  ])("%j → allowed %s", async (headers, allowed) => {
    const { assertSameOrigin } = await import("@/server/http/csrf");
    if (allowed) expect(() => assertSameOrigin(req(headers))).not.toThrow();
    else expect(() => assertSameOrigin(req(headers))).toThrow(/Cross-site/);
  });
});
