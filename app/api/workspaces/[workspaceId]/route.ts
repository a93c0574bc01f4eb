import { workspaceUpdate } from "@/lib/contract";
import { deleteWorkspace, getWorkspace, updateWorkspace } from "@/server/dal/workspaces";
import { withRoute } from "@/server/http/with-route";
import { workspaceParams as params } from "@/app/api/_lib/params";

const auditTarget = (p: { workspaceId: string }) => ({ workspaceId: p.workspaceId });

export const GET = withRoute({ action: "workspace.read", params }, ({ params }) => getWorkspace(params.workspaceId));

export const PATCH = withRoute(
  { action: "workspace.update", params, body: workspaceUpdate, auditTarget },
  ({ params, body }) => updateWorkspace(params.workspaceId, body),
);

export const DELETE = withRoute({ action: "workspace.delete", params, auditTarget }, ({ params }) =>
  deleteWorkspace(params.workspaceId),
);
