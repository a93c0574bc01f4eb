import { getMetrics } from "@/server/dal/logs";
import { withRoute } from "@/server/http/with-route";
import { functionIdParams as params } from "@/app/api/_lib/params";

/** raw_instant/raw_range are included only for roles allowed "metrics.raw". */
export const GET = withRoute({ action: "metrics.read", params }, ({ params }) => getMetrics(params.functionId));
