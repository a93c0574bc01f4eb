import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { envSchema, parseEnv } from "@/server/env";

type EnvVar = { name: string; value?: string };
const docs = parseAllDocuments(readFileSync("deploy/kubernetes/deployment.yaml", "utf8")).map((d) => d.toJS());
const deployment = docs.find((d) => d.kind === "Deployment");
const container = deployment.spec.template.spec.containers[0];
const env: EnvVar[] = container.env;

describe("deploy/kubernetes", () => {
  it("names only variables the console reads", () => {
    const known = Object.keys(envSchema.shape);
    expect(env.map((e) => e.name).filter((n) => !known.includes(n))).toEqual([]);
  });

  it("sets everything production needs, and its literal values pass the console's validation", () => {
    const names = env.map((e) => e.name);
    for (const required of [
      "BACKEND_URL",
      "NEXTAUTH_URL",
      "NEXTAUTH_SECRET",
      "OIDC_ISSUER",
      "OIDC_CLIENT_ID",
      "OIDC_CLIENT_SECRET",
    ]) {
      expect(names).toContain(required);
    }
    const literal = Object.fromEntries(env.filter((e) => e.value !== undefined).map((e) => [e.name, e.value]));
    expect(() => parseEnv({ ...literal, NODE_ENV: "production" })).not.toThrow();
  });

  it("probes liveness and readiness on the health route", () => {
    expect(container.livenessProbe.httpGet.path).toBe("/api/health");
    expect(container.readinessProbe.httpGet.path).toBe("/api/health?ready=1");
  });
});
