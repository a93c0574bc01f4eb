import { z } from "zod";
import { buildAndPushForm, buildForm, pushRequest, type BuildStatus } from "@/lib/contract";

/*
 * Build/push/deploy as the browser sees them. Requests: the contract's schemas without registry
 * credentials, which the BFF injects on the server; a browser sending username or password is refused
 * ("is not a known field"). Answers keep the spec's snake_case names.
 */

/** What a browser may ask to push: no credentials, and the build named by its S3 location only. */
export const browserPushRequest = pushRequest.omit({ username: true, password: true }).extend({
  s3_source_path: z
    .string()
    .regex(/^s3:\/\/[^/\s]+\/\S+$/, "must be the build's s3:// location")
    .optional(),
});
export type BrowserPushRequest = z.input<typeof browserPushRequest>;

export const browserBuildForm = buildForm;
export const browserBuildAndPushForm = buildAndPushForm.omit({ username: true, password: true });
export type BrowserBuildAndPushForm = z.input<typeof browserBuildAndPushForm>;

/** `POST /api/v1/build`, `/push`, `/build-and-push`: a background task was started. */
export type BuildStartedDto = { task_id: string; status: BuildStatus; message: string; source_s3_path: string | null };

/** `POST /api/v1/scaffold`: the SpinApp YAML the Builder produced. */
export type ScaffoldDto = { yaml: string };

/** `POST /api/v1/deploy`. */
export type DeployDto = {
  status: string | null;
  message: string | null;
  app_name: string | null;
  namespace: string | null;
  endpoint: string | null;
  function_id: string | null;
};

/** `GET /api/v1/registries`: the push targets the console holds credentials for (URLs only). */
export type RegistriesDto = { registries: string[] };
