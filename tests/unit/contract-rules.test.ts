import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  deployRequest,
  functionConfig,
  functionCreate,
  functionLogsQuery,
  functionUpdate,
  pushRequest,
  workspace,
  workspaceCreate,
  workspaceUpdate,
} from "@/lib/contract";

const fn = { name: "f", memory: 256, timeout: 30, httpMethods: ["POST"], code: "" };

/** [description, schema, input, the field path the rejection must name] */
const rejections: Array<[string, z.ZodType, unknown, string]> = [
  ["workspace name missing", workspaceCreate, {}, "name"],
  ["workspace name empty", workspaceCreate, { name: "" }, "name"],
  ["workspace name blank", workspaceCreate, { name: "   " }, "name"],
  ["workspace PATCH empty name", workspaceUpdate, { name: "" }, "name"],
  ["unknown field rejected", workspaceCreate, { name: "a", owner: "x" }, ""],
  ["function name empty", functionCreate, { ...fn, name: "" }, "name"],
  ["memory below 128", functionCreate, { ...fn, memory: 127 }, "memory"],
  ["memory above 1024", functionCreate, { ...fn, memory: 1025 }, "memory"],
  ["memory fractional", functionCreate, { ...fn, memory: 256.5 }, "memory"],
  ["timeout below 1", functionCreate, { ...fn, timeout: 0 }, "timeout"],
  ["timeout above 900", functionCreate, { ...fn, timeout: 901 }, "timeout"],
  ["no HTTP method", functionCreate, { ...fn, httpMethods: [] }, "httpMethods"],
  ["unknown HTTP method", functionCreate, { ...fn, httpMethods: ["FETCH"] }, "httpMethods.0"],
  ["code not Base64", functionCreate, { ...fn, code: "not base64!" }, "code"],
  ["code missing padding", functionCreate, { ...fn, code: "YWJj ZA" }, "code"],
  ["code unpadded", functionCreate, { ...fn, code: "YQ" }, "code"],
  [
    "env var name invalid",
    functionCreate,
    { ...fn, environmentVariables: { "1BAD": "x" } },
    "environmentVariables.1BAD",
  ],
  ["PATCH memory out of range", functionUpdate, { memory: 2048 }, "memory"],
  ["PATCH bad status", functionUpdate, { status: "paused" }, "status"],
  ["PATCH lastDeployed not ISO", functionUpdate, { lastDeployed: "yesterday" }, "lastDeployed"],
  ["limit 0", functionLogsQuery, { limit: "0" }, "limit"],
  ["limit 1001", functionLogsQuery, { limit: "1001" }, "limit"],
  ["limit not a number", functionLogsQuery, { limit: "ten" }, "limit"],
  [
    "response createdAt not KST",
    workspace,
    { id: "w", name: "n", createdAt: "2025-12-07T03:00:00Z", functionCount: 0, invocations24h: 0, errorRate: 0 },
    "createdAt",
  ],
  ["response lastModified not KST", functionConfig, { lastModified: "2025-12-07T12:00:00+00:00" }, "lastModified"],
  ["push registry with scheme", pushRequest, { registry_url: "https://r.example/app" }, "registry_url"],
  ["push bad tag", pushRequest, { registry_url: "r.example/app", tag: "-bad" }, "tag"],
  ["deploy name not DNS-1123", deployRequest, { app_name: "My_App", image_ref: "x:1" }, "app_name"],
  ["deploy bad quantity", deployRequest, { app_name: "a", image_ref: "x:1", cpu_limit: "lots" }, "cpu_limit"],
  [
    "deploy tolerations not objects",
    deployRequest,
    { app_name: "a", image_ref: "x:1", custom_tolerations: ["x"] },
    "custom_tolerations.0",
  ],
  [
    "deploy affinity not an object",
    deployRequest,
    { app_name: "a", image_ref: "x:1", custom_affinity: "zone-a" },
    "custom_affinity",
  ],
];

describe("each rule rejects with the right field path", () => {
  it.each(rejections)("%s", (_name, schema, input, field) => {
    const result = schema.safeParse(input);
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain(field);
  });
});

describe("values at the edges are accepted", () => {
  it.each([128, 1024])("memory %i", (memory) => expect(functionCreate.safeParse({ ...fn, memory }).success).toBe(true));
  it.each([1, 900])("timeout %i", (timeout) => expect(functionCreate.safeParse({ ...fn, timeout }).success).toBe(true));
  it.each(["1", "1000"])("limit %s", (limit) => expect(functionLogsQuery.safeParse({ limit }).success).toBe(true));
  it("limit defaults to 100 for function logs", () => expect(functionLogsQuery.parse({}).limit).toBe(100));
  it("microsecond KST timestamps from Python are accepted", () =>
    expect(
      workspace.safeParse({
        id: "w",
        name: "n",
        createdAt: "2025-12-07T12:00:00.123456+09:00",
        functionCount: 0,
        invocations24h: 0,
        errorRate: 0,
      }).success,
    ).toBe(true));
});
