import { invokeFunction } from "@/server/dal/invoke";
import { withRoute } from "@/server/http/with-route";
import { invokeResponse } from "@/app/api/_lib/invoke-response";
import { invokeBody, functionParams as params } from "@/app/api/_lib/params";

// The request's signal ends the backend call when the browser leaves the Test tab mid-run.
export const POST = withRoute(
  {
    action: "function.invoke",
    params,
    body: invokeBody,
    auditTarget: (p) => ({ workspaceId: p.workspaceId, functionId: p.functionId }),
  },
  async ({ params, body, request }) =>
    invokeResponse(await invokeFunction(params.workspaceId, params.functionId, body, { signal: request.signal })),
);
