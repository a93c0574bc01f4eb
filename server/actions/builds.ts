"use server";
import "server-only";
import { browserPushRequest } from "@/lib/dto/pipeline";
import * as dal from "@/server/dal/builds";
import { revalidateBuilds } from "./revalidate";
import { uploadForm } from "./schemas";
import { withAction } from "./with-action";

/*
 * Uploads through an action are bounded by Next's serverActions.bodySizeLimit (1 MB unless configured);
 * larger files go to POST /api/v1/build or /api/v1/build-and-push, which apply the same checks.
 */

export const startBuild = withAction("build.create", uploadForm, async (form) => {
  const task = await dal.startBuild(form);
  revalidateBuilds();
  return task;
});

/** Registry credentials are added on the server; the form names a configured registry_url only. */
export const startBuildAndPush = withAction("push.create", uploadForm, async (form) => {
  const task = await dal.startBuildAndPush(form);
  revalidateBuilds();
  return task;
});

export const startPush = withAction(
  "push.create",
  browserPushRequest,
  async (input) => {
    const task = await dal.startPush(input);
    revalidateBuilds();
    return task;
  },
  (input) => ({ registry: input.registry_url, workspaceId: input.workspace_id }),
);
