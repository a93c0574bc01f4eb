import { z } from "zod";
import { readDashboard } from "@/server/dashboard/aggregate";
import { dashboardCsv, EXPORT_SCOPES, exportFileName } from "@/server/dashboard/export";
import { withRoute } from "@/server/http/with-route";

const query = z.object({ scope: z.enum(EXPORT_SCOPES) });

export const GET = withRoute({ action: "workspace.read", query }, async ({ query }) => {
  const data = await readDashboard();
  return new Response(dashboardCsv(data, query.scope), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${exportFileName(query.scope, data.generatedAt)}"`,
    },
  });
});
