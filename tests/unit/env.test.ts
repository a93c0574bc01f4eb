import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema, parseEnv } from "@/server/env";

describe("server/env", () => {
  it("gives working defaults for the embedded stack", () => {
    const env = parseEnv({});
    expect(env.BACKEND_URL).toBe("http://127.0.0.1:8000");
    expect(env.BACKEND_TIMEOUT_MS).toBe(15_000);
    expect(env.UPLOAD_MAX_MB).toBe(50);
    expect(env.ALLOW_EMBEDDED_IDP).toBe(false);
  });

  it("lists every bad variable in one error", () => {
    let message = "";
    try {
      parseEnv({ BACKEND_URL: "not a url", BACKEND_TIMEOUT_MS: "-3", BACKEND_AUTH: "magic", LOG_LEVEL: "loud" });
    } catch (err) {
      message = (err as Error).message;
    }
    for (const name of ["BACKEND_URL", "BACKEND_TIMEOUT_MS", "BACKEND_AUTH", "LOG_LEVEL"])
      expect(message).toContain(name);
  });

  it("treats blank optional values as unset", () => {
    expect(parseEnv({ BACKEND_TOKEN: "  ", OIDC_ISSUER: "" }).BACKEND_TOKEN).toBeUndefined();
  });

  it(".env.example documents every variable", () => {
    const example = readFileSync(".env.example", "utf8");
    const missing = Object.keys(envSchema.shape).filter(
      (k) => k !== "NODE_ENV" && k !== "EMBEDDED_IDP_URL" && !example.includes(`${k}=`),
    );
    expect(missing).toEqual([]);
  });
});
