import type { z } from "zod";
import { deployRequest } from "@/lib/contract";

/**
 * A function's deployment settings for ship-from-the-editor: the deploy request without what each run
 * fills in itself (the image and the function id). Remembered per function once a user confirms them.
 */
export const shipSettings = deployRequest.pick({
  app_name: true,
  namespace: true,
  enable_autoscaling: true,
  replicas: true,
  use_spot: true,
  service_account: true,
  cpu_limit: true,
  memory_limit: true,
  cpu_request: true,
  memory_request: true,
});
export type ShipSettings = z.output<typeof shipSettings>;
export type ShipSettingsInput = z.input<typeof shipSettings>;

/** Kubernetes names: lower-case letters, digits and '-', starting and ending with a letter or digit. */
export function defaultAppName(functionName: string): string {
  const name = functionName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 63)
    .replace(/-+$/, "");
  return name || "app";
}

export function defaultShipSettings(functionName: string): ShipSettings {
  return {
    app_name: defaultAppName(functionName),
    namespace: "default",
    enable_autoscaling: false,
    replicas: 1,
    use_spot: false,
  };
}
