"use server";
import "server-only";
import { after } from "next/server";
import { z } from "zod";
import { idParam } from "@/lib/contract";
import { shipSettings } from "@/lib/ship/settings";
import { driveRun } from "@/server/ship/runner";
import { retryShip, rollbackTo, startShip, type Started } from "@/server/ship/service";
import { revalidateDeployments } from "./revalidate";
import { withAction } from "./with-action";

const fnKey = { workspaceId: idParam, functionId: idParam };
const startInput = z.strictObject({
  ...fnKey,
  registryUrl: z.string().min(1).optional(),
  settings: shipSettings.optional(),
  expectedCodeHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
const runInput = z.strictObject({ ...fnKey, runId: z.uuid() });
const rollbackInput = z.strictObject({ ...fnKey, deploymentId: z.uuid() });

/**
 * The run goes on after this action answers, in this server process (`after`), with the signed-in
 * user's request scope, so the stages call the backend as that user. The browser only watches.
 */
function drive(started: Started) {
  after(async () => {
    await driveRun(started.run.id, started.smokeEvent);
    try {
      revalidateDeployments(); // the header's invocation URL and "last deployed"
    } catch {
      // nothing to refresh outside a render cycle; the next navigation reads fresh data anyway
    }
  });
  return started.run;
}

const target = (i: { workspaceId: string; functionId: string }) => ({
  workspaceId: i.workspaceId,
  functionId: i.functionId,
});

/** Deploy from the function page: build-and-push the saved code, scaffold, deploy, smoke invoke. */
export const startShipAction = withAction(
  "deploy.create",
  startInput,
  async (input) => drive(await startShip(input)),
  (i) => ({
    ...target(i),
    registry: i.registryUrl,
    ship: "deploy",
  }),
);

export const retryShipAction = withAction(
  "deploy.create",
  runInput,
  async (input) => drive(await retryShip(input)),
  (i) => ({
    ...target(i),
    runId: i.runId,
    ship: "retry",
  }),
);

export const rollbackAction = withAction(
  "deploy.create",
  rollbackInput,
  async (input) => drive(await rollbackTo(input)),
  (i) => ({
    ...target(i),
    from: i.deploymentId,
    ship: "rollback",
  }),
);
