import { z } from "zod";
import { appName } from "./build";

/** Kubernetes resource quantity (`500m`, `0.5`, `128Mi`, `1Gi`). */
export const quantity = z
  .string()
  .regex(
    /^(\d+(\.\d+)?|\.\d+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei|e\d+)?$/,
    "must be a Kubernetes quantity such as 500m or 128Mi",
  );
export const k8sName = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be a Kubernetes name: lower-case letters, digits and '-'");
export const imageRef = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .regex(/^[^\s]+$/, "must not contain spaces");

export const toleration = z.object({
  key: z.string().optional(),
  operator: z.enum(["Exists", "Equal"]).optional(),
  value: z.string().optional(),
  effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]).optional(),
  tolerationSeconds: z.number().int().optional(),
});

/** The spec's scaffold body: `{image_ref, component, replicas, output_path}`, and nothing else. */
export const scaffoldRequest = z.strictObject({
  image_ref: imageRef,
  component: z.string().min(1).optional(),
  replicas: z.number().int().min(1).max(100).default(1),
  output_path: z.string().min(1).optional(),
});
export type ScaffoldRequest = z.input<typeof scaffoldRequest>;

/** The Builder returns the YAML "as is": a JSON object carrying it, a JSON string, or a text body. */
export const scaffoldResponse = z
  .union([z.string(), z.looseObject({ yaml: z.string() }), z.looseObject({ content: z.string() })])
  .transform((v): { yaml: string } => {
    if (typeof v === "string") return { yaml: v };
    return { yaml: typeof v.yaml === "string" ? v.yaml : String(v.content) };
  });
export type ScaffoldResponse = z.output<typeof scaffoldResponse>;

export const deployRequest = z.strictObject({
  app_name: appName,
  namespace: k8sName.default("default"),
  image_ref: imageRef,
  enable_autoscaling: z.boolean().default(false),
  replicas: z.number().int().min(0).max(100).optional(),
  use_spot: z.boolean().default(false),
  function_id: z.string().min(1).optional(),
  service_account: k8sName.optional(),
  cpu_limit: quantity.optional(),
  memory_limit: quantity.optional(),
  cpu_request: quantity.optional(),
  memory_request: quantity.optional(),
  custom_tolerations: z.array(toleration).optional(),
  custom_affinity: z.record(z.string(), z.unknown()).optional(),
});
export type DeployRequest = z.input<typeof deployRequest>;

export const deployResponse = z.object({
  status: z.string().optional(),
  message: z.string().nullish(),
  app_name: z.string().nullish(),
  namespace: z.string().nullish(),
  endpoint: z.string().nullish(),
  function_id: z.string().nullish(),
});
export type DeployResponse = z.infer<typeof deployResponse>;
