import { readDashboard, toDashboardDto } from "@/server/dashboard/aggregate";
import { withRoute } from "@/server/http/with-route";

export const GET = withRoute({ action: "workspace.read" }, async () => toDashboardDto(await readDashboard()));
