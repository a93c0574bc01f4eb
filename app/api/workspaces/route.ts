import { workspaceCreate } from "@/lib/contract";
import { createWorkspace, listWorkspaces } from "@/server/dal/workspaces";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ action: "workspace.read" }, () => listWorkspaces());

export const POST = withRoute({ action: "workspace.create", body: workspaceCreate, status: 201 }, ({ body }) =>
  createWorkspace(body),
);
