import { functionCreate } from "@/lib/contract";
import { createFunction, listFunctions } from "@/server/dal/functions";
import { withRoute } from "@/server/http/with-route";
import { workspaceParams as params } from "@/app/api/_lib/params";

export const GET = withRoute({ action: "function.read", params }, ({ params, requestId }) => listFunctions(params.workspaceId, { requestId }));

export const POST = withRoute(
  { action: "function.create", params, body: functionCreate, status: 201, auditTarget: (p) => ({ workspaceId: p.workspaceId }) },
  ({ params, body, requestId }) => createFunction(params.workspaceId, body, { requestId }),
);
