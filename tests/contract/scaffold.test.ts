/** POST /api/v1/scaffold: SpinApp YAML as `spin kube scaffold` prints it, parsed back here. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { scaffoldResponse } from "../../lib/contract";
import { expectShape, expectValidationError } from "../support/backend-contract-expect";
import { Api, startTarget, type Target } from "../support/backend-contract-target";
import { describeEmbeddedRules, specRule } from "../support/backend-contract-split";

let target: Target;
let api: Api;
beforeAll(async () => {
  target = await startTarget();
  api = new Api(target.baseUrl);
});
afterAll(async () => target?.close());

type Doc = Record<string, unknown> & { kind: string; metadata: { name: string }; spec: Record<string, unknown> };

/**
 * The YAML "as is", in any shape the contract lists: a text body, a JSON string, or a JSON object
 * carrying it (the embedded backend's `{yaml}`), as the console's BFF reads it.
 */
async function scaffold(body: Record<string, unknown>): Promise<Doc[]> {
  const res = await api.post("/api/v1/scaffold", body);
  expect(res.status, res.text).toBe(200);
  const json = /json/i.test(res.headers.get("content-type") ?? "");
  const { yaml } = expectShape(scaffoldResponse, json ? res.body : res.text);
  const docs = parseAllDocuments(yaml);
  for (const d of docs) expect(d.errors, yaml).toEqual([]);
  return docs.map((d) => d.toJS() as Doc);
}

describe("spec: POST /api/v1/scaffold", () => {
  it(
    specRule(
      "a synchronous Builder call that returns the SpinApp YAML as is",
      "answers SpinApp YAML for the spec's own request",
    ),
    async () => {
      const image = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/team/my-app:v1.0.0";
      const docs = await scaffold({
        image_ref: image,
        component: "api",
        replicas: 1,
        output_path: "/tmp/spinapp.yaml",
      });
      const app = docs.find((d) => d.kind === "SpinApp");
      expect(app, JSON.stringify(docs)).toBeDefined();
      expect(app!.spec.image).toBe(image);
    },
  );
});

describeEmbeddedRules(
  "POST /api/v1/scaffold",
  "the embedded Builder's naming, defaults, its {yaml} JSON answer, autoscaling extension and validation",
  () => {
    it("answers JSON carrying the YAML", async () => {
      const res = await api.post("/api/v1/scaffold", { image_ref: "r.example/app:1" });
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.body).toHaveProperty("yaml");
    });

    it("answers one SpinApp named after the image's last path segment, with replicas", async () => {
      const image = "123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/team/my-app:v1.0.0";
      const docs = await scaffold({
        image_ref: image,
        component: "api",
        replicas: 2,
        output_path: "/tmp/spinapp.yaml",
      });
      expect(docs).toHaveLength(1);
      expect(docs[0]).toEqual({
        apiVersion: "core.spinkube.dev/v1alpha1",
        kind: "SpinApp",
        metadata: { name: "my-app" },
        spec: { image, executor: "containerd-shim-spin", components: ["api"], replicas: 2 },
      });
    });

    it("defaults replicas to 1 and drops a digest from the name", async () => {
      const [app] = await scaffold({ image_ref: "127.0.0.1:5000/Hello_World@sha256:" + "a".repeat(64) });
      expect(app!.metadata.name).toBe("hello-world");
      expect(app!.spec.replicas).toBe(1);
    });

    it("with autoscaling: enableAutoscaling, resources, and an autoscaling/v2 HPA as a second document", async () => {
      const docs = await scaffold({
        image_ref: "registry.example/app:v2",
        enable_autoscaling: true,
        replicas: 2,
        max_replicas: 5,
        target_cpu_utilization: 70,
        cpu_limit: "500m",
        memory_limit: "256Mi",
        cpu_request: "100m",
        memory_request: "128Mi",
      });
      expect(docs.map((d) => d.kind)).toEqual(["SpinApp", "HorizontalPodAutoscaler"]);
      const [app, hpa] = docs as [Doc, Doc];
      expect(app.spec.enableAutoscaling).toBe(true);
      expect(app.spec).not.toHaveProperty("replicas");
      expect(app.spec.resources).toEqual({
        limits: { cpu: "500m", memory: "256Mi" },
        requests: { cpu: "100m", memory: "128Mi" },
      });
      expect(hpa.apiVersion).toBe("autoscaling/v2");
      expect(hpa.spec).toMatchObject({
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "app" },
        minReplicas: 2,
        maxReplicas: 5,
      });
      expect(hpa.spec.metrics).toContainEqual({
        type: "Resource",
        resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } },
      });
    });

    it("requires CPU and memory limits with autoscaling (400)", async () => {
      expectValidationError(
        await api.post("/api/v1/scaffold", {
          image_ref: "r.example/app:1",
          enable_autoscaling: true,
          memory_limit: "128Mi",
        }),
        "cpu_limit",
      );
      expectValidationError(
        await api.post("/api/v1/scaffold", {
          image_ref: "r.example/app:1",
          enable_autoscaling: true,
          cpu_limit: "100m",
        }),
        "memory_limit",
      );
    });

    it("validates the request (400)", async () => {
      expectValidationError(await api.post("/api/v1/scaffold", {}), "image_ref");
      expectValidationError(await api.post("/api/v1/scaffold", { image_ref: "has space:1" }), "image_ref");
      expectValidationError(
        await api.post("/api/v1/scaffold", { image_ref: "r.example/app:1", replicas: 0 }),
        "replicas",
      );
      expectValidationError(
        await api.post("/api/v1/scaffold", { image_ref: "r.example/app:1", cpu_limit: "lots" }),
        "cpu_limit",
      );
    });
  },
);
