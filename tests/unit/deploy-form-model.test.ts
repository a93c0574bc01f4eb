import { describe, expect, it } from "vitest";
import { deployRequest, scaffoldRequest } from "@/lib/contract";
import type { ApiWorkspaceTask } from "@/lib/dto/task";
import {
  deployProblems,
  formFieldOf,
  imageChoices,
  initialValues,
  toDeployInput,
  toScaffoldInput,
  type DeployFormValues,
} from "@/components/deploy/deploy-form-model";
import { toK8sName } from "@/components/deploy/k8s-name";

const task = (
  id: string,
  status: ApiWorkspaceTask["status"],
  app: string | null,
  image: string | null,
): ApiWorkspaceTask => ({
  task_id: id,
  status,
  app_name: app,
  created_at: "2026-11-01T10:00:00+09:00",
  updated_at: "2026-11-01T10:00:05+09:00",
  result: image ? { wasm_path: null, image_url: null, image_uri: image, file_path: null } : null,
  error: null,
});

const base = (over: Partial<DeployFormValues> = {}): DeployFormValues => ({
  ...initialValues("orders", [], "reg.example/orders:v1"),
  ...over,
});

describe("toK8sName", () => {
  it.each([
    ["user-auth", "user-auth"],
    ["Hello_Korean", "hello-korean"],
    ["  --Order Total--  ", "order-total"],
    ["한글만", ""],
    ["a".repeat(70), "a".repeat(63)],
    [`${"a".repeat(62)}-b`, "a".repeat(62)],
  ])("%s → %s", (input, expected) => expect(toK8sName(input)).toBe(expected));
});

describe("image choices and defaults", () => {
  const tasks = [
    task("t3", "completed", "orders", "reg/orders:t3"),
    task("t2", "failed", "orders", "reg/orders:t2"),
    task("t1", "completed", "other", "reg/other:t1"),
    task("t0", "completed", "orders", null),
  ];
  it("lists finished tasks with an image, newest first", () => {
    expect(imageChoices(tasks).map((c) => c.taskId)).toEqual(["t3", "t1"]);
  });
  it("prefills the latest image built under the function's app name", () => {
    expect(initialValues("Orders", imageChoices(tasks), null).imageRef).toBe("reg/orders:t3");
    expect(initialValues("nothing-built", imageChoices(tasks), null).imageRef).toBe("");
  });
  it("an image named in the link wins", () => {
    expect(initialValues("orders", imageChoices(tasks), "reg/x:1").imageRef).toBe("reg/x:1");
  });
});

describe("requests built from the form pass the contract", () => {
  it("a plain deploy", () => {
    const input = toDeployInput(base({ replicas: "2", useSpot: true, serviceAccount: " sa-1 " }), "fn-1");
    expect(deployRequest.parse(input)).toMatchObject({
      app_name: "orders",
      namespace: "default",
      replicas: 2,
      use_spot: true,
      function_id: "fn-1",
      service_account: "sa-1",
    });
    expect(input).not.toHaveProperty("max_replicas");
  });
  it("autoscaling and resources go to deploy only; the preview sends the spec's scaffold body", () => {
    const v = base({
      autoscaling: true,
      cpuLimit: "500m",
      memoryLimit: "128Mi",
      useSpot: true,
      serviceAccount: "sa-1",
    });
    expect(deployRequest.parse(toDeployInput(v, "fn-1"))).not.toHaveProperty("replicas");
    expect(deployRequest.parse(toDeployInput(v, "fn-1"))).toMatchObject({
      enable_autoscaling: true,
      cpu_limit: "500m",
      memory_limit: "128Mi",
      use_spot: true,
      service_account: "sa-1",
    });
    // Spec: `POST /api/v1/scaffold` `{"image_ref", "component", "replicas", "output_path"}`; nothing else.
    expect(toScaffoldInput(v)).toEqual({ image_ref: "reg.example/orders:v1", component: "orders" });
    expect(toScaffoldInput(base({ replicas: "2" }))).toEqual({
      image_ref: "reg.example/orders:v1",
      component: "orders",
      replicas: 2,
    });
    expect(scaffoldRequest.safeParse({ ...toScaffoldInput(v), enable_autoscaling: true }).success).toBe(false);
  });
  it("empty optional fields are left out", () => {
    const input = toDeployInput(base(), "fn-1");
    for (const key of ["cpu_limit", "memory_limit", "cpu_request", "memory_request", "service_account"])
      expect(input[key as keyof typeof input]).toBeUndefined();
  });
});

describe("deployProblems", () => {
  it.each<[string, Partial<DeployFormValues>, "deploy" | "scaffold", Record<string, string>]>([
    ["valid", {}, "deploy", {}],
    ["empty image", { imageRef: "  " }, "deploy", { imageRef: "imageRef" }],
    ["image with a space", { imageRef: "reg/a b:1" }, "scaffold", { imageRef: "imageRef" }],
    ["upper-case app name", { appName: "Orders" }, "deploy", { appName: "appName" }],
    ["bad namespace", { namespace: "-x" }, "deploy", { namespace: "namespace" }],
    ["replicas not a number", { replicas: "two" }, "deploy", { replicas: "replicas" }],
    ["replicas over 100", { replicas: "101" }, "deploy", { replicas: "replicas" }],
    ["0 replicas deploy but do not preview", { replicas: "0" }, "scaffold", { replicas: "replicas" }],
    ["bad quantity", { cpuLimit: "half" }, "deploy", { cpuLimit: "quantity" }],
    [
      "autoscaling without limits",
      { autoscaling: true },
      "deploy",
      { cpuLimit: "limitRequired", memoryLimit: "limitRequired" },
    ],
    [
      "a preview needs no limits with autoscaling (the Builder does not autoscale)",
      { autoscaling: true },
      "scaffold",
      {},
    ],
    ["bad service account", { serviceAccount: "SA" }, "deploy", { serviceAccount: "serviceAccount" }],
  ])("%s", (_name, over, kind, expected) => {
    expect(deployProblems(base(over), kind, "fn-1")).toEqual(expected);
  });
  it("0 replicas are a valid deploy (scaled to zero)", () => {
    expect(deployProblems(base({ replicas: "0" }), "deploy", "fn-1")).toEqual({});
  });
});

describe("formFieldOf", () => {
  it.each([
    ["cpu_limit", "cpuLimit"],
    ["image_ref", "imageRef"],
    ["custom_tolerations.0.key", "_form"],
    ["", "_form"],
  ])("%s → %s", (field, expected) => expect(formFieldOf(field)).toBe(expected));
});
