import { deployRequest } from "@/lib/contract";
import { deploySpinApp } from "@/server/dal/deploy";
import { withRoute } from "@/server/http/with-route";

export const POST = withRoute({ action: "deploy.create", body: deployRequest }, ({ body }) => deploySpinApp(body));
