"use server";
import "server-only";
import { browserPushRequest } from "@/lib/dto/pipeline";
import * as dal from "@/server/dal/builds";
import { revalidateBuilds } from "./revalidate";
import { withAction } from "./with-action";

/* Uploads go to POST /api/v1/build and /api/v1/build-and-push (streamed, no action body limit). */

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
