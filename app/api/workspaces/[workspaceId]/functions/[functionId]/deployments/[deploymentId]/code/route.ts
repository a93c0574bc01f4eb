import { deploymentParams as params } from "@/app/api/_lib/params";
import { withRoute } from "@/server/http/with-route";
import { deploymentCode } from "@/server/ship/service";

/** The code a deployment was built from, to diff with the saved code. */
export const GET = withRoute({ action: "function.read", params }, ({ params }) => deploymentCode(params));
