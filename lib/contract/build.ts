import { z } from "zod";
import { isoTimestamp } from "./common";
import { isRegistryRef, parseRegistryUrl } from "./registry-url";

export const buildStatus = z.enum(["pending", "running", "completed", "failed", "done"]);
export type BuildStatus = z.infer<typeof buildStatus>;
export const TERMINAL_STATUSES: readonly BuildStatus[] = ["completed", "failed", "done"];

export const buildResponse = z.object({
  task_id: z.string().min(1),
  status: buildStatus,
  message: z.string(),
  source_s3_path: z.string().nullish(),
});
export type BuildResponse = z.infer<typeof buildResponse>;

export const buildTaskResult = z.object({
  wasm_path: z.string().nullish(),
  image_url: z.string().nullish(),
  image_uri: z.string().nullish(),
  file_path: z.string().nullish(),
});
export type BuildTaskResult = z.infer<typeof buildTaskResult>;

export const taskStatusResponse = z.object({
  task_id: z.string().min(1),
  status: buildStatus,
  result: buildTaskResult.nullable(),
  error: z.string().nullable(),
});
export type TaskStatusResponse = z.infer<typeof taskStatusResponse>;

export const workspaceTaskItem = z.object({
  task_id: z.string().min(1),
  status: buildStatus,
  app_name: z.string().nullish(),
  created_at: isoTimestamp,
  updated_at: isoTimestamp,
  result: buildTaskResult.nullish(),
  error: z.string().nullish(),
});
export type WorkspaceTaskItem = z.infer<typeof workspaceTaskItem>;
export const workspaceTaskList = z.array(workspaceTaskItem);

/** Registry URL without scheme: host[:port][/repository/path]. */
export const registryUrl = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const parsed = parseRegistryUrl(value);
    if (!isRegistryRef(parsed)) ctx.addIssue({ code: "custom", message: parsed.problem });
  });
/** OCI tag rules. */
export const imageTag = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "must be a valid image tag");
export const appName = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be lower-case letters, digits and '-', at most 63 characters");
export const DEFAULT_WORKSPACE_ID = "ws-default";

export const pushRequest = z.strictObject({
  registry_url: registryUrl,
  username: z.string().optional(),
  password: z.string().optional(),
  tag: imageTag.default("latest"),
  workspace_id: z.string().min(1).default(DEFAULT_WORKSPACE_ID),
  s3_source_path: z.string().min(1).optional(),
});
export type PushRequest = z.input<typeof pushRequest>;

/** The non-file fields of multipart `POST /api/v1/build`. */
export const buildForm = z.strictObject({
  app_name: appName.optional(),
  workspace_id: z.string().min(1).default(DEFAULT_WORKSPACE_ID),
});

/** The non-file fields of multipart `POST /api/v1/build-and-push`. */
export const buildAndPushForm = z.strictObject({
  registry_url: registryUrl,
  username: z.string().optional(),
  password: z.string().optional(),
  tag: imageTag.default("sha256"),
  app_name: appName.optional(),
  workspace_id: z.string().min(1).default(DEFAULT_WORKSPACE_ID),
});

export const BUILD_FILE_EXTENSIONS = [".py", ".zip"] as const;
