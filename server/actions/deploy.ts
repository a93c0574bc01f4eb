"use server";
import "server-only";
import { deployRequest, scaffoldRequest } from "@/lib/contract";
import * as dal from "@/server/dal/deploy";
import { revalidateDeployments } from "./revalidate";
import { withAction } from "./with-action";

export const scaffoldSpinApp = withAction(
  "scaffold.create",
  scaffoldRequest,
  (input) => dal.scaffoldSpinApp(input),
  (input) => ({
    image: input.image_ref,
  }),
);

export const deploySpinApp = withAction(
  "deploy.create",
  deployRequest,
  async (input) => {
    const result = await dal.deploySpinApp(input);
    revalidateDeployments();
    return result;
  },
  (input) => ({ app: input.app_name, namespace: input.namespace, functionId: input.function_id }),
);
