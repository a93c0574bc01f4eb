import { scaffoldRequest } from "@/lib/contract";
import { scaffoldSpinApp } from "@/server/dal/deploy";
import { withRoute } from "@/server/http/with-route";

export const POST = withRoute({ action: "scaffold.create", body: scaffoldRequest }, ({ body }) =>
  scaffoldSpinApp(body),
);
