import { workspaceLogsQuery as query } from "@/lib/contract";
import { listWorkspaceLogs } from "@/server/dal/logs";
import { withRoute } from "@/server/http/with-route";
import { workspaceParams as params } from "@/app/api/_lib/params";

export const GET = withRoute({ action: "logs.read", params, query }, ({ params, query }) =>
  listWorkspaceLogs(params.workspaceId, query.limit),
);
