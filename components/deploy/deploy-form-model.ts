import { deployRequest, scaffoldRequest, type DeployRequest, type ScaffoldRequest } from "@/lib/contract";
import type { ApiWorkspaceTask } from "@/lib/dto/task";
import { toK8sName } from "./k8s-name";

/** The form as typed: strings, so nothing a user typed is lost or reformatted on an error. */
export type DeployFormValues = {
  imageRef: string;
  appName: string;
  namespace: string;
  autoscaling: boolean;
  replicas: string;
  cpuLimit: string;
  memoryLimit: string;
  cpuRequest: string;
  memoryRequest: string;
  useSpot: boolean;
  serviceAccount: string;
};
export type DeployField = Exclude<keyof DeployFormValues, "autoscaling" | "useSpot"> | "_form";
/** Keys of `deploy.errors`: every problem found in the browser reads in the user's language. */
export type DeployProblem =
  "imageRef" | "appName" | "namespace" | "replicas" | "quantity" | "limitRequired" | "serviceAccount" | "invalid";
export type DeployProblems = Partial<Record<DeployField, DeployProblem>>;

export type ImageChoice = { taskId: string; appName: string | null; image: string; createdAt: string };

/** Images of the workspace's finished tasks, newest first (the order the history comes in). */
export function imageChoices(tasks: ApiWorkspaceTask[]): ImageChoice[] {
  const out: ImageChoice[] = [];
  for (const t of tasks) {
    const image = t.result?.image_url ?? t.result?.image_uri;
    if (t.status !== "failed" && image)
      out.push({ taskId: t.task_id, appName: t.app_name, image, createdAt: t.created_at });
  }
  return out;
}

/** An image given in the link wins; else the latest image built under this function's app name. */
export function initialValues(
  functionName: string,
  choices: ImageChoice[],
  requestedImage: string | null,
): DeployFormValues {
  const appName = toK8sName(functionName);
  const latest = choices.find((c) => c.appName === appName)?.image ?? "";
  return {
    imageRef: requestedImage ?? latest,
    appName,
    namespace: "default",
    autoscaling: false,
    replicas: "1",
    cpuLimit: "",
    memoryLimit: "",
    cpuRequest: "",
    memoryRequest: "",
    useSpot: false,
    serviceAccount: "",
  };
}

const text = (s: string) => (s.trim() === "" ? undefined : s.trim());
/** "" is absent; anything else must be a whole number, and "abc" stays NaN so the schema refuses it. */
const whole = (s: string) => (s.trim() === "" ? undefined : /^\d+$/.test(s.trim()) ? Number(s.trim()) : Number.NaN);
const resources = (v: DeployFormValues) => ({
  cpu_limit: text(v.cpuLimit),
  memory_limit: text(v.memoryLimit),
  cpu_request: text(v.cpuRequest),
  memory_request: text(v.memoryRequest),
});

export function toDeployInput(v: DeployFormValues, functionId: string): DeployRequest {
  return {
    app_name: v.appName.trim(),
    namespace: v.namespace.trim(),
    image_ref: v.imageRef.trim(),
    enable_autoscaling: v.autoscaling,
    // The backend drops replicas with autoscaling (the HPA owns the count); do not send what it ignores.
    ...(v.autoscaling ? {} : { replicas: whole(v.replicas) }),
    use_spot: v.useSpot,
    function_id: functionId,
    service_account: text(v.serviceAccount),
    ...resources(v),
  };
}

/**
 * The spec's scaffold body only (`image_ref`, `component`, `replicas`): a real Builder scaffolds the
 * SpinApp from these, and autoscaling, resources, spot and the service account apply at deploy time.
 */
export function toScaffoldInput(v: DeployFormValues): ScaffoldRequest {
  return {
    image_ref: v.imageRef.trim(),
    // The Spin component is named after the app (the Builder's spin.toml does so).
    ...(v.appName.trim() ? { component: v.appName.trim() } : {}),
    ...(v.autoscaling ? {} : { replicas: whole(v.replicas) }),
  };
}

const FIELD_OF: Record<string, DeployField> = {
  image_ref: "imageRef",
  app_name: "appName",
  namespace: "namespace",
  replicas: "replicas",
  cpu_limit: "cpuLimit",
  memory_limit: "memoryLimit",
  cpu_request: "cpuRequest",
  memory_request: "memoryRequest",
  service_account: "serviceAccount",
};
const PROBLEM_OF: Partial<Record<DeployField, DeployProblem>> = {
  imageRef: "imageRef",
  appName: "appName",
  namespace: "namespace",
  replicas: "replicas",
  cpuLimit: "quantity",
  memoryLimit: "quantity",
  cpuRequest: "quantity",
  memoryRequest: "quantity",
  serviceAccount: "serviceAccount",
};

/** A contract field name (`cpu_limit`) as this form's field (`cpuLimit`); unknown names are form-level. */
export function formFieldOf(contractField: string): DeployField {
  return FIELD_OF[contractField.split(".")[0] ?? ""] ?? "_form";
}

/**
 * Validates with the contract's own schemas (what passes here passes the BFF), plus one rule for an
 * autoscaled deploy: CPU and memory limits, because an autoscaler scales on their utilisation.
 */
export function deployProblems(v: DeployFormValues, kind: "deploy" | "scaffold", functionId: string): DeployProblems {
  const parsed =
    kind === "deploy"
      ? deployRequest.safeParse(toDeployInput(v, functionId))
      : scaffoldRequest.safeParse(toScaffoldInput(v));
  const out: DeployProblems = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = formFieldOf(String(issue.path[0] ?? ""));
      out[field] ??= PROBLEM_OF[field] ?? "invalid";
    }
  }
  if (v.autoscaling && kind === "deploy") {
    if (!text(v.cpuLimit)) out.cpuLimit ??= "limitRequired";
    if (!text(v.memoryLimit)) out.memoryLimit ??= "limitRequired";
  }
  return out;
}
