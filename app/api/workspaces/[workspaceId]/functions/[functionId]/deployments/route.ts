import { functionParams as params } from "@/app/api/_lib/params";
import { withRoute } from "@/server/http/with-route";
import { deploymentHistory } from "@/server/ship/service";

/** The function's deployment history from the console's store, newest first. */
export const GET = withRoute({ action: "function.read", params }, ({ params }) => deploymentHistory(params));
