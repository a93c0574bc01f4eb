import { functionUpdate } from "@/lib/contract";
import { deleteFunction, getFunction, updateFunction } from "@/server/dal/functions";
import { withRoute } from "@/server/http/with-route";
import { functionParams as params } from "@/app/api/_lib/params";

const auditTarget = (p: { workspaceId: string; functionId: string }) => ({
  workspaceId: p.workspaceId,
  functionId: p.functionId,
});

export const GET = withRoute({ action: "function.read", params }, ({ params }) =>
  getFunction(params.workspaceId, params.functionId),
);

export const PATCH = withRoute(
  { action: "function.update", params, body: functionUpdate, auditTarget },
  ({ params, body }) => updateFunction(params.workspaceId, params.functionId, body),
);

export const DELETE = withRoute({ action: "function.delete", params, auditTarget }, ({ params }) =>
  deleteFunction(params.workspaceId, params.functionId),
);
