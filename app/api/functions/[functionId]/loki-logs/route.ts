import { lokiLogsQuery as query } from "@/lib/contract";
import { getLokiLogs } from "@/server/dal/logs";
import { withRoute } from "@/server/http/with-route";
import { functionIdParams as params } from "@/app/api/_lib/params";

export const GET = withRoute({ action: "logs.read", params, query }, ({ params, query }) =>
  getLokiLogs(params.functionId, query.limit),
);
