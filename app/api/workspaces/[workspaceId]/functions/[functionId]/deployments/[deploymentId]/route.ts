import { deploymentParams as params } from "@/app/api/_lib/params";
import { withRoute } from "@/server/http/with-route";
import { getShipRun } from "@/server/ship/service";

/** One run with its stages; the stage view polls it while the run goes on. */
export const GET = withRoute({ action: "function.read", params }, ({ params }) =>
  getShipRun({ ...params, runId: params.deploymentId }),
);
