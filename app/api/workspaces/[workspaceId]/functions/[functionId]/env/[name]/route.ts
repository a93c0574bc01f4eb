import { revealEnvVar } from "@/server/dal/functions";
import { withRoute } from "@/server/http/with-route";
import { envVarParams as params } from "@/app/api/_lib/params";

/** Developer-only reveal of one environment value; the DAL audits every call. */
export const GET = withRoute({ action: "function.revealSecret", params }, ({ params }) =>
  revealEnvVar(params.workspaceId, params.functionId, params.name),
);
