import "server-only";
import type { DeployResponse } from "@/lib/contract";
import type { DeployDto, ScaffoldDto } from "@/lib/dto/pipeline";
import { redactForBrowser } from "@/server/secrets/browser-safe";

/** Builder answers are relayed text: each string passes redaction on its way to the browser. */
export function reshapeDeploy(d: DeployResponse): DeployDto {
  return {
    status: redactForBrowser(d.status),
    message: redactForBrowser(d.message),
    app_name: redactForBrowser(d.app_name),
    namespace: redactForBrowser(d.namespace),
    endpoint: redactForBrowser(d.endpoint),
    function_id: redactForBrowser(d.function_id),
  };
}

export function reshapeScaffold(yaml: string): ScaffoldDto {
  return { yaml: redactForBrowser(yaml) };
}
