import { describe, expect, it } from "vitest";
import { functionConfig } from "@/lib/contract";
import { ENV_MASK } from "@/lib/dto/function";
import { browserPushRequest } from "@/lib/dto/pipeline";
import { changedSettings } from "@/server/dal/function-edits";
import { saveSettingsInput } from "@/server/actions/schemas";
import { parseInput, RequestValidationError } from "@/server/http/validation";

const stored = functionConfig.parse({
  id: "fn-1",
  workspaceId: "ws-1",
  name: "user-auth",
  description: null,
  runtime: "Python 3.12",
  memory: 256,
  timeout: 30,
  httpMethods: ["GET", "POST"],
  environmentVariables: { JWT_SECRET: "jwt-real", REGION: "kr" },
  code: "",
  invocationUrl: null,
  status: "active",
  lastModified: "2025-12-07T12:00:00+09:00",
  invocations24h: 0,
  errors24h: 0,
  avgDuration: 0,
});

describe("settings saves send only what changed", () => {
  it.each([
    [
      "the whole form unchanged, secret still masked",
      {
        name: "user-auth",
        description: "",
        memory: 256,
        httpMethods: ["GET", "POST"],
        environmentVariables: { JWT_SECRET: ENV_MASK, REGION: "kr" },
        invocationUrl: null,
      },
      {},
    ],
    ["memory changed", { name: "user-auth", memory: 512 }, { memory: 512 }],
    // Methods are a set: the browser's form and the BFF share one comparison (lib/forms/changed-fields).
    ["methods reordered (no change)", { httpMethods: ["POST", "GET"] }, {}],
    ["a method added", { httpMethods: ["GET", "POST", "DELETE"] }, { httpMethods: ["GET", "POST", "DELETE"] }],
    ["a method swapped for another", { httpMethods: ["GET", "PUT"] }, { httpMethods: ["GET", "PUT"] }],
    [
      "env edited, masked secret kept",
      { environmentVariables: { JWT_SECRET: ENV_MASK, REGION: "eu" } },
      { environmentVariables: { JWT_SECRET: "jwt-real", REGION: "eu" } },
    ],
    ["env variable removed", { environmentVariables: { REGION: "kr" } }, { environmentVariables: { REGION: "kr" } }],
    ["url set", { invocationUrl: "https://fn.example/run" }, { invocationUrl: "https://fn.example/run" }],
    ["description set", { description: "Auth" }, { description: "Auth" }],
  ] as const)("%s", (_n, settings, expected) => {
    expect(
      changedSettings(
        parseInput(saveSettingsInput, { workspaceId: "ws-1", functionId: "fn-1", settings }).settings,
        stored,
      ),
    ).toEqual(expected);
  });

  it("the settings form cannot carry code or status", () => {
    expect(() =>
      parseInput(saveSettingsInput, { workspaceId: "ws-1", functionId: "fn-1", settings: { code: "" } }),
    ).toThrow(RequestValidationError);
  });
});

describe("browser-facing request schemas", () => {
  it.each([
    [{ registry_url: "registry.example.com/app", username: "AWS" }, ["username"]],
    [{ registry_url: "registry.example.com/app", password: "p" }, ["password"]],
    [{ registry_url: "https://registry.example.com" }, ["registry_url"]],
    // A Builder-local file_path is not where a build lives for a push (spec example: "s3://...").
    [{ registry_url: "registry.example.com/app", s3_source_path: "/builds/t-1/app.wasm" }, ["s3_source_path"]],
  ])("push %j is refused on %j", (body, fields) => {
    try {
      parseInput(browserPushRequest, body);
      expect.unreachable();
    } catch (err) {
      expect((err as RequestValidationError).issues.map((i) => i.field)).toEqual(fields);
    }
  });

  it("push defaults", () => {
    expect(parseInput(browserPushRequest, { registry_url: "registry.example.com/app" })).toEqual({
      registry_url: "registry.example.com/app",
      tag: "latest",
      workspace_id: "ws-default",
    });
  });
});
