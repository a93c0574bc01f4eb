import "server-only";
import { isApiError } from "@/lib/api/api-error";
import type { StageDto } from "@/lib/ship/run";
import type { ShipSettings } from "@/lib/ship/settings";
import { startBuildAndPush } from "@/server/dal/builds";
import { deploySpinApp, scaffoldSpinApp } from "@/server/dal/deploy";
import { invokeFunction } from "@/server/dal/invoke";
import { getTaskStatus } from "@/server/dal/tasks";
import { env } from "@/server/env";

/** What a stage needs from its run. */
export type StageContext = {
  workspaceId: string;
  functionId: string;
  code: string;
  registryUrl: string | null;
  imageRef: string | null;
  settings: ShipSettings;
  smokeEvent: unknown;
  /** Called while a stage waits, to keep the run's lease and record progress (a task id). */
  heartbeat: (patch?: Partial<StageDto>) => Promise<void>;
};

/** What a finished stage adds to the stage and to the run. */
export type StageOutcome = { output: string; taskId?: string; imageRef?: string; endpoint?: string };

export class StageFailure extends Error {}

const BUILD_DEADLINE_MS = 10 * 60_000;
const MAX_OUTPUT = 4_000;
const clip = (s: string) => (s.length > MAX_OUTPUT ? `${s.slice(0, MAX_OUTPUT)}\n…` : s);

/** Plain words for a failed call: the backend's own message, which says what went wrong. */
export function failureMessage(err: unknown): string {
  if (err instanceof StageFailure) return err.message;
  if (isApiError(err)) return err.message;
  return "The console could not finish this stage (an unexpected error; see the console's logs).";
}

/**
 * build-and-push of the saved code as the app's `app.py` (tag left to the backend: `task-{task_id}`),
 * then the task is polled until it ends. A stage that already started a task (the console restarted
 * mid-way) resumes polling that task instead of building again.
 */
export async function buildStage(ctx: StageContext, resumeTaskId: string | null): Promise<StageOutcome> {
  if (!ctx.registryUrl) throw new StageFailure("No registry is configured for this workspace: choose one and retry.");
  let taskId = resumeTaskId;
  if (!taskId) {
    // Fields first, the file last: the upload path refuses a field sent after the file.
    const form = new FormData();
    // One repository per app under the configured registry (its credentials match by prefix).
    form.set("registry_url", `${ctx.registryUrl.replace(/\/+$/, "")}/${ctx.settings.app_name}`);
    form.set("app_name", ctx.settings.app_name);
    form.set("workspace_id", ctx.workspaceId);
    form.set("file", new File([ctx.code], "app.py", { type: "text/x-python" }));
    const started = await startBuildAndPush(form);
    taskId = started.task_id;
    await ctx.heartbeat({ taskId });
  }
  const deadline = Date.now() + BUILD_DEADLINE_MS;
  for (;;) {
    const task = await getTaskStatus(taskId);
    if (task.status === "failed")
      throw Object.assign(new StageFailure(task.error ?? "The build failed without a message."), { taskId });
    if (task.status === "completed" || task.status === "done") {
      const image = task.result?.image_url ?? task.result?.image_uri;
      if (!image) throw new StageFailure("The build finished but named no image.");
      return { output: image, taskId, imageRef: image };
    }
    if (Date.now() > deadline) throw new StageFailure("The build did not finish within 10 minutes.");
    await ctx.heartbeat();
    await new Promise((r) => setTimeout(r, env().TASK_POLL_INTERVAL_MS));
  }
}

export async function scaffoldStage(ctx: StageContext): Promise<StageOutcome> {
  const s = ctx.settings;
  const { yaml } = await scaffoldSpinApp({
    image_ref: ctx.imageRef!,
    component: s.app_name,
    // The spec's scaffold takes only these; autoscaling and resources apply at deploy time.
    replicas: s.enable_autoscaling ? 1 : (s.replicas ?? 1),
  });
  return { output: clip(yaml) };
}

export async function deployStage(ctx: StageContext): Promise<StageOutcome> {
  const s = ctx.settings;
  const d = await deploySpinApp({
    ...s,
    ...(s.enable_autoscaling ? { replicas: undefined } : {}),
    image_ref: ctx.imageRef!,
    function_id: ctx.functionId,
  });
  const endpoint = d.endpoint ?? undefined;
  return {
    output: endpoint ? `Deployed ${d.app_name ?? s.app_name} to ${endpoint}` : (d.message ?? "Deployed."),
    endpoint,
  };
}

/** One invoke through the backend with the default test event: a 2xx answer passes. */
export async function smokeStage(ctx: StageContext): Promise<StageOutcome> {
  const res = await invokeFunction(ctx.workspaceId, ctx.functionId, ctx.smokeEvent);
  const text = `HTTP ${res.status} in ${res.durationMs} ms\n${clip(res.body)}`;
  if (res.status < 200 || res.status > 299)
    throw new StageFailure(`The new endpoint answered with status ${res.status}:\n${clip(res.body)}`);
  return { output: text };
}
