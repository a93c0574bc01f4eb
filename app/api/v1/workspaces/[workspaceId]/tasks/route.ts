import { listWorkspaceTaskItems } from "@/server/dal/tasks";
import { withRoute } from "@/server/http/with-route";
import { workspaceParams as params } from "@/app/api/_lib/params";

export const GET = withRoute({ action: "task.read", params }, ({ params }) =>
  listWorkspaceTaskItems(params.workspaceId),
);
