import { withRoute } from "@/server/http/with-route";
import { AUDIT_EXPORT_ROWS, auditCsv, auditFilters, readAudit } from "@/server/ship/audit-view";

/** The Audit page's rows, with the same filters, as a CSV download (newest first). */
export const GET = withRoute({ action: "audit.read", query: auditFilters }, async ({ query }) => {
  const rows = await readAudit(query, AUDIT_EXPORT_ROWS);
  return new Response(auditCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="eunha-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
