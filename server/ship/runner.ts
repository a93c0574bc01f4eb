import "server-only";
import { isApiError } from "@/lib/api/api-error";
import type { StageDto, StageName } from "@/lib/ship/run";
import { shipSettings } from "@/lib/ship/settings";
import { logger } from "@/server/log/logger";
import { db } from "@/server/store";
import { claimDeployment, getDeployment, updateDeployment, type DeploymentRow } from "@/server/store/deployments";
import { parseStages } from "./reshape";
import {
  buildStage,
  deployStage,
  failureMessage,
  StageFailure,
  scaffoldStage,
  smokeStage,
  type StageContext,
  type StageOutcome,
} from "./stage-work";

/** How long a driver's claim on a run lasts without a heartbeat; a run left longer was interrupted. */
export const LEASE_MS = 60_000;
/** Stages that wait on one long call (no heartbeat meanwhile): the Builder, or a function's own timeout. */
const LONG_CALL_LEASE_MS = 16 * 60_000;

const WORK: Record<StageName, (ctx: StageContext, stage: StageDto) => Promise<StageOutcome>> = {
  build: (ctx, stage) => buildStage(ctx, stage.state === "running" ? stage.taskId : null),
  scaffold: (ctx) => scaffoldStage(ctx),
  deploy: (ctx) => deployStage(ctx),
  smoke: (ctx) => smokeStage(ctx),
};

const iso = (ms = Date.now()) => new Date(ms).toISOString();

/**
 * Drives a run from its first unfinished stage to the end, in this console process. It runs after the
 * response that started it (next/server `after`), so no browser tab holds it: every step is written to
 * the store as it happens and any tab (or replica) reads it there. The lease makes sure one driver at a
 * time moves a run; a run whose lease lapsed (the process died) reads as failed and can be retried.
 */
export async function driveRun(id: string, smokeEvent: unknown): Promise<void> {
  const store = await db();
  if (!(await claimDeployment(store, id, iso(), iso(Date.now() + LEASE_MS)))) return;
  let row = (await getDeployment(store, id)) as DeploymentRow;
  const stages = parseStages(row.stages);
  const settings = shipSettings.parse(JSON.parse(row.settings));

  let leaseMs = LEASE_MS;
  const save = async (extra: Partial<DeploymentRow> = {}) => {
    const now = iso();
    await updateDeployment(store, id, {
      stages: JSON.stringify(stages),
      updated_at: now,
      lease_until: iso(Date.now() + leaseMs),
      ...extra,
    });
  };

  try {
    for (const stage of stages) {
      if (stage.state === "succeeded") continue;
      const resuming = stage.state === "running";
      leaseMs = stage.name === "build" ? LEASE_MS : LONG_CALL_LEASE_MS;
      Object.assign(stage, {
        state: "running",
        error: null,
        finishedAt: null,
        ...(resuming ? {} : { startedAt: iso(), attempts: stage.attempts + 1 }),
      });
      await save();
      const ctx: StageContext = {
        workspaceId: row.workspace_id,
        functionId: row.function_id,
        code: row.code,
        registryUrl: row.registry_url,
        imageRef: row.image_ref,
        settings,
        smokeEvent,
        heartbeat: async (patch) => {
          Object.assign(stage, patch ?? {});
          await save();
        },
      };
      try {
        const out = await WORK[stage.name](ctx, stage);
        Object.assign(stage, {
          state: "succeeded",
          finishedAt: iso(),
          output: out.output,
          taskId: out.taskId ?? stage.taskId,
        });
        await save({
          ...(out.imageRef ? { image_ref: out.imageRef } : {}),
          ...(out.endpoint ? { endpoint: out.endpoint } : {}),
        });
        row = { ...row, image_ref: out.imageRef ?? row.image_ref };
      } catch (err) {
        const taskId = (err as { taskId?: string }).taskId;
        Object.assign(stage, {
          state: "failed",
          finishedAt: iso(),
          error: failureMessage(err),
          taskId: taskId ?? stage.taskId,
        });
        if (!(err instanceof StageFailure) && !isApiError(err)) {
          logger.error(
            { err: err instanceof Error ? err.message : String(err), runId: id, stage: stage.name },
            "ship stage failed unexpectedly",
          );
        }
        await save({ status: "failed", finished_at: iso(), lease_until: null });
        return;
      }
    }
    await save({ status: "succeeded", finished_at: iso(), lease_until: null });
  } catch (err) {
    // The store itself failed: nothing more can be recorded; the lease lapses and the run reads as interrupted.
    logger.error(
      { err: err instanceof Error ? err.message : String(err), runId: id },
      "ship run could not be recorded",
    );
  }
}

/** A running run nobody has touched for a lease period was interrupted (its console process ended). */
export function interruptedStages(row: DeploymentRow, now = Date.now()): StageDto[] | null {
  if (row.status !== "running" || !row.lease_until || Date.parse(row.lease_until) >= now) return null;
  return parseStages(row.stages).map((s) =>
    s.state === "running"
      ? {
          ...s,
          state: "failed",
          finishedAt: iso(now),
          error: "The console stopped while this stage ran. Retry to continue from here.",
        }
      : s,
  );
}
