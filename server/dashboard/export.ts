import "server-only";
import { toCsv } from "./csv";
import type { DashboardAggregate } from "./aggregate";

export const EXPORT_SCOPES = ["workspaces", "functions"] as const;
export type ExportScope = (typeof EXPORT_SCOPES)[number];

const round = (n: number | null, digits: number) => (n === null ? null : Math.round(n * 10 ** digits) / 10 ** digits);

/** The per-workspace or per-function figures of one dashboard read, as a CSV file. */
export function dashboardCsv(a: DashboardAggregate, scope: ExportScope): string {
  if (scope === "workspaces") {
    return toCsv(
      ["workspace_id", "workspace", "functions", "invocations_24h", "errors_24h", "error_rate_pct", "avg_duration_ms"],
      a.workspaces.map((w) => [
        w.id,
        w.name,
        w.functionCount,
        w.invocations24h,
        w.errors24h,
        round(w.errorRate, 2),
        round(w.avgDuration, 1),
      ]),
    );
  }
  return toCsv(
    [
      "workspace_id",
      "workspace",
      "function_id",
      "function",
      "status",
      "invocations_24h",
      "errors_24h",
      "error_rate_pct",
      "avg_duration_ms",
    ],
    a.functions.map((f) => [
      f.workspaceId,
      f.workspaceName,
      f.id,
      f.name,
      f.status,
      f.invocations24h,
      f.errors24h,
      round(f.errorRate, 2),
      round(f.avgDuration, 1),
    ]),
  );
}

/** e.g. `eunha-functions-20251207-1200.csv`, stamped with the read's time in KST. */
export function exportFileName(scope: ExportScope, generatedAt: string): string {
  const kst = new Date(Date.parse(generatedAt) + 9 * 3600_000).toISOString();
  return `eunha-${scope}-${kst.slice(0, 10).replace(/-/g, "")}-${kst.slice(11, 16).replace(":", "")}.csv`;
}
