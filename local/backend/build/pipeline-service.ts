import type { z } from "zod";
import type { BuildResponse, buildAndPushForm, buildForm, pushRequest } from "../../../lib/contract";
import { ApiError, notFound } from "../http/errors";
import type { Credentials } from "../registry/oci-client";
import { pushPackage, type PackageMeta } from "../registry/push-step";
import type { TaskRecord, TaskRepo } from "../repos/task-repo";
import { credentialSecrets } from "../tasks/redact";
import { TaskRunner } from "../tasks/task-runner";
import { BuildStore } from "./build-store";
import { runBuild, type BuildDeps } from "./build-step";
import type { UploadedFile } from "./multipart";
import { safeFileName, type SourceKind } from "./upload-check";

type BuildForm = z.output<typeof buildForm>;
type BuildAndPushForm = z.output<typeof buildAndPushForm>;
type PushRequest = z.output<typeof pushRequest>;

export type PipelineDeps = BuildDeps & { runner: TaskRunner; tasks: TaskRepo; registryTimeoutMs: number };

/** The spec: "a task-based name is generated when absent". */
const defaultAppName = (taskId: string) => `app-${taskId.slice(0, 8)}`;

/** IRSA-style pushes send empty strings: no password means no credentials. */
const credentials = (username?: string, password?: string): Credentials =>
  password ? { username: username ?? "", password } : null;

/**
 * `/api/v1` build, push and build-and-push: each request becomes one background task (202 at
 * once; progress through GET /api/v1/tasks/{id}). Uploads are stored before the task row that
 * points at them; passwords stay in the job's closure and never reach the database.
 */
export class PipelineService {
  constructor(private readonly deps: PipelineDeps) {}

  submitBuild(file: UploadedFile, kind: SourceKind, form: BuildForm): BuildResponse {
    const { task, sourceKey, appName } = this.accept(file, kind, form.workspace_id, form.app_name, "build");
    this.deps.runner.start(task, async (ctx) => {
      const built = await runBuild(
        this.deps,
        { taskId: task.id, appName, kind, sourceKey, fileName: safeFileName(file.name) },
        ctx.signal,
      );
      return {
        result: built.result,
        patch: { artifactKey: built.artifactKey, payload: { ...task.payload, package: built.meta } },
      };
    });
    return this.response(task.id, "build accepted", sourceKey);
  }

  submitBuildAndPush(file: UploadedFile, kind: SourceKind, form: BuildAndPushForm): BuildResponse {
    const id = TaskRunner.newId();
    // The spec: the default tag `sha256` is replaced by `task-{task_id}`.
    const tag = form.tag === "sha256" ? `task-${id}` : form.tag;
    const extra = { registry_url: form.registry_url, tag, username: form.username ?? null };
    const { task, sourceKey, appName } = this.accept(
      file,
      kind,
      form.workspace_id,
      form.app_name,
      "build-and-push",
      id,
      extra,
    );
    const creds = credentials(form.username, form.password);
    this.deps.runner.start(
      task,
      async (ctx) => {
        const built = await runBuild(
          this.deps,
          { taskId: task.id, appName, kind, sourceKey, fileName: safeFileName(file.name) },
          ctx.signal,
        );
        const payload = { ...task.payload, package: built.meta };
        // Recorded before the push, so a failed push still shows what was built.
        ctx.update({ artifactKey: built.artifactKey, payload, result: built.result });
        const pushed = await pushPackage(
          this.deps.store,
          built.artifactKey,
          built.meta,
          { registryUrl: form.registry_url, tag, creds, timeoutMs: this.deps.registryTimeoutMs },
          ctx.signal,
        );
        // Our push step reports image_uri only; as the spec says, image_url is then `registry_url:tag`.
        return {
          result: { ...built.result, image_uri: pushed.imageUri, image_url: pushed.imageUri, digest: pushed.digest },
          patch: { payload },
        };
      },
      credentialSecrets(form.username, form.password),
    );
    return this.response(task.id, "build-and-push accepted", sourceKey);
  }

  submitPush(req: PushRequest): BuildResponse {
    const build = this.artifactFor(req);
    const meta = build.payload.package as PackageMeta | undefined;
    if (!build.artifactKey || !meta)
      throw new ApiError(409, "BUILD_NOT_READY", `build ${build.id} has no package to push`, {
        field: "s3_source_path",
      });
    const artifactKey = build.artifactKey;
    const task = this.deps.runner.create({
      id: TaskRunner.newId(),
      workspaceId: req.workspace_id,
      kind: "push",
      appName: build.appName,
      artifactKey,
      payload: {
        registry_url: req.registry_url,
        tag: req.tag,
        username: req.username ?? null,
        build_task_id: build.id,
        package: meta,
      },
    });
    const creds = credentials(req.username, req.password);
    this.deps.runner.start(
      task,
      async (ctx) => {
        const pushed = await pushPackage(
          this.deps.store,
          artifactKey,
          meta,
          { registryUrl: req.registry_url, tag: req.tag, creds, timeoutMs: this.deps.registryTimeoutMs },
          ctx.signal,
        );
        return {
          result: { file_path: `${BuildStore.toUri(artifactKey)}/`, image_uri: pushed.imageUri, digest: pushed.digest },
        };
      },
      credentialSecrets(req.username, req.password),
    );
    return this.response(task.id, `push of build ${build.id} accepted`, build.sourceKey);
  }

  /** `s3_source_path` names a build (its upload or its package); without it, the workspace's latest completed build. */
  private artifactFor(req: PushRequest): TaskRecord {
    if (!req.s3_source_path) {
      const latest = this.deps.tasks.latestArtifact(req.workspace_id);
      if (!latest)
        throw new ApiError(
          404,
          "NOT_FOUND",
          `workspace ${req.workspace_id} has no completed build to push: build first or pass s3_source_path`,
          { field: "s3_source_path" },
        );
      return latest;
    }
    if (!req.s3_source_path.trim().startsWith("s3://")) {
      throw new ApiError(
        400,
        "VALIDATION_ERROR",
        `s3_source_path must be an s3:// URI, not ${JSON.stringify(req.s3_source_path.slice(0, 200))}`,
        { field: "s3_source_path" },
      );
    }
    const key = BuildStore.keyFromPath(req.s3_source_path);
    const build = key ? this.deps.tasks.byObjectKey(key) : undefined;
    if (!build) throw notFound("build source", req.s3_source_path);
    if (build.status !== "completed") {
      throw new ApiError(
        409,
        "BUILD_NOT_READY",
        `build ${build.id} is ${build.status}, not completed: nothing to push`,
        { field: "s3_source_path", task_id: build.id },
      );
    }
    return build;
  }

  /** Stores the upload, then the task row that points at it (a failed insert removes the object). */
  private accept(
    file: UploadedFile,
    kind: SourceKind,
    workspaceId: string,
    appName: string | undefined,
    taskKind: "build" | "build-and-push",
    id = TaskRunner.newId(),
    extra: Record<string, unknown> = {},
  ) {
    const name = appName ?? defaultAppName(id);
    const sourceKey = BuildStore.sourceKey(id, safeFileName(file.name));
    this.deps.store.putSource(sourceKey, file.bytes);
    try {
      const task = this.deps.runner.create({
        id,
        workspaceId,
        kind: taskKind,
        appName: name,
        sourceKey,
        payload: { file_name: file.name, source_kind: kind, ...extra },
      });
      return { task, sourceKey, appName: name };
    } catch (err) {
      this.deps.store.removeBuild(id);
      throw err;
    }
  }

  private response(taskId: string, message: string, sourceKey: string | null): BuildResponse {
    const status = this.deps.tasks.get(taskId)?.status ?? "pending";
    return { task_id: taskId, status, message, source_s3_path: sourceKey ? BuildStore.toUri(sourceKey) : null };
  }
}
