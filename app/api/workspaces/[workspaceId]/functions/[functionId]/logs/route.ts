import { functionLogsQuery as query } from "@/lib/contract";
import { listFunctionLogs } from "@/server/dal/logs";
import { withRoute } from "@/server/http/with-route";
import { functionParams as params } from "@/app/api/_lib/params";

export const GET = withRoute({ action: "logs.read", params, query }, ({ params, query }) =>
  listFunctionLogs(params.workspaceId, params.functionId, query.limit),
);
