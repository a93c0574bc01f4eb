import { functionCreate } from "@/lib/contract";
import { createFunction, listFunctions } from "@/server/dal/functions";
import { withRoute } from "@/server/http/with-route";
import { workspaceParams as params } from "@/app/api/_lib/params";

export const GET = withRoute({ action: "function.read", params }, ({ params }) => listFunctions(params.workspaceId));

export const POST = withRoute(
  {
    action: "function.create",
    params,
    body: functionCreate,
    status: 201,
    auditTarget: (p) => ({ workspaceId: p.workspaceId }),
  },
  ({ params, body }) => createFunction(params.workspaceId, body),
);
