import { stringify } from "yaml";
import { z } from "zod";
import { quantity, scaffoldRequest } from "../../../lib/contract";
import { validationError } from "../http/errors";

/**
 * The spec's scaffold body plus this Builder's own extension (`spin kube scaffold`'s autoscaling and
 * resource flags). The console never sends these: a real Builder has no such fields.
 */
export const embeddedScaffoldRequest = scaffoldRequest.extend({
  enable_autoscaling: z.boolean().default(false),
  cpu_limit: quantity.optional(),
  memory_limit: quantity.optional(),
  cpu_request: quantity.optional(),
  memory_request: quantity.optional(),
  max_replicas: z.number().int().min(1).max(100).optional(),
  target_cpu_utilization: z.number().int().min(1).max(100).optional(),
});
type ScaffoldInput = z.output<typeof embeddedScaffoldRequest>;

export const SPINAPP_API_VERSION = "core.spinkube.dev/v1alpha1";
export const SPIN_EXECUTOR = "containerd-shim-spin";
/** `spin kube scaffold`'s defaults for its HPA flags. */
const DEFAULT_MAX_REPLICAS = 3;
const DEFAULT_TARGET_UTILIZATION = 60;

/**
 * The SpinApp name `spin kube scaffold` derives from an image reference: the last path segment
 * without tag or digest, made a valid Kubernetes name.
 */
export function appNameFromImage(imageRef: string): string {
  const withoutDigest = imageRef.split("@")[0]!;
  const last = withoutDigest.split("/").pop() ?? "";
  const withoutTag = last.includes(":") ? last.slice(0, last.indexOf(":")) : last;
  const name = withoutTag
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  if (!name)
    throw validationError("image_ref", `image_ref "${imageRef}" has no repository name to call the SpinApp after`);
  return name;
}

function resources(input: ScaffoldInput) {
  const limits = {
    ...(input.cpu_limit && { cpu: input.cpu_limit }),
    ...(input.memory_limit && { memory: input.memory_limit }),
  };
  const requests = {
    ...(input.cpu_request && { cpu: input.cpu_request }),
    ...(input.memory_request && { memory: input.memory_request }),
  };
  if (Object.keys(limits).length === 0 && Object.keys(requests).length === 0) return undefined;
  return { ...(Object.keys(limits).length > 0 && { limits }), ...(Object.keys(requests).length > 0 && { requests }) };
}

/**
 * SpinApp YAML as `spin kube scaffold` prints it. With autoscaling it adds `enableAutoscaling`,
 * drops `replicas` (the HPA owns the count) and appends an autoscaling/v2 HorizontalPodAutoscaler
 * as a second document; like the CLI's `--autoscaler hpa`, that needs CPU and memory limits.
 */
export function scaffoldYaml(input: ScaffoldInput): string {
  const name = appNameFromImage(input.image_ref);
  if (input.enable_autoscaling) {
    if (!input.cpu_limit)
      throw validationError(
        "cpu_limit",
        "cpu_limit is required with enable_autoscaling (the HPA scales on utilisation of the limits)",
      );
    if (!input.memory_limit)
      throw validationError(
        "memory_limit",
        "memory_limit is required with enable_autoscaling (the HPA scales on utilisation of the limits)",
      );
  }
  const spinApp = {
    apiVersion: SPINAPP_API_VERSION,
    kind: "SpinApp",
    metadata: { name },
    spec: {
      image: input.image_ref,
      executor: SPIN_EXECUTOR,
      ...(input.component && { components: [input.component] }),
      ...(input.enable_autoscaling ? { enableAutoscaling: true } : { replicas: input.replicas }),
      ...(resources(input) && { resources: resources(input) }),
    },
  };
  const docs: unknown[] = [spinApp];
  if (input.enable_autoscaling) {
    const target = input.target_cpu_utilization ?? DEFAULT_TARGET_UTILIZATION;
    const maxReplicas = Math.max(input.max_replicas ?? DEFAULT_MAX_REPLICAS, input.replicas);
    docs.push({
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: `${name}-autoscaler` },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
        minReplicas: input.replicas,
        maxReplicas,
        metrics: [
          { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: target } } },
          {
            type: "Resource",
            resource: {
              name: "memory",
              target: { type: "Utilization", averageUtilization: DEFAULT_TARGET_UTILIZATION },
            },
          },
        ],
      },
    });
  }
  return docs.map((d) => stringify(d)).join("---\n");
}
