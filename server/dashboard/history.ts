import "server-only";
import type {
  DashboardDeploymentRow,
  DashboardHistory,
  DashboardTotals,
  DashboardTrendPoint,
  DashboardWorkspaceRow,
} from "@/lib/dto/dashboard";
import { env } from "@/server/env";
import { logger } from "@/server/log/logger";
import { db } from "@/server/store";
import { listRecentDeployments } from "@/server/store/deployments";
import { previousSnapshot, pruneSnapshots, recordSnapshot, snapshotsSince } from "@/server/store/dashboard-snapshots";

const DAY = 24 * 3600_000;
const TREND_DAYS = 7;
/** Snapshots older than the trend (plus a day) are pruned. */
const KEEP_DAYS = TREND_DAYS + 1;

type Figures = { generatedAt: string; totals: DashboardTotals; workspaces: DashboardWorkspaceRow[]; complete: boolean };

/** The last point of each hour: at most 168 points for 7 days, whatever the snapshot interval. */
export function hourlyTrend(points: DashboardTrendPoint[]): DashboardTrendPoint[] {
  const byHour = new Map<string, DashboardTrendPoint>();
  for (const p of points) byHour.set(p.at.slice(0, 13), p);
  return [...byHour.values()];
}

/**
 * Records a snapshot of complete figures (at most one per DASHBOARD_SNAPSHOT_MINUTES per scope; a
 * partial read would dent the trend) and reads what came before, the 7-day trend and the console's
 * recent deployments in the workspaces shown. A store failure costs the history, never the figures.
 */
export async function dashboardHistory(scope: string, figures: Figures): Promise<DashboardHistory> {
  try {
    const store = await db();
    const intervalMs = env().DASHBOARD_SNAPSHOT_MINUTES * 60_000;
    if (figures.complete) {
      const wrote = await recordSnapshot(
        store,
        {
          scope,
          taken_at: figures.generatedAt,
          totals: JSON.stringify(figures.totals),
          workspaces: JSON.stringify(
            figures.workspaces.map((w) => ({
              id: w.id,
              name: w.name,
              invocations24h: w.invocations24h,
              errors24h: w.errors24h,
            })),
          ),
        },
        intervalMs,
      );
      if (wrote) await pruneSnapshots(store, new Date(Date.parse(figures.generatedAt) - KEEP_DAYS * DAY).toISOString());
    }
    const since = new Date(Date.parse(figures.generatedAt) - TREND_DAYS * DAY).toISOString();
    const [previous, rows, deployments] = await Promise.all([
      previousSnapshot(store, scope, figures.generatedAt),
      snapshotsSince(store, scope, since),
      listRecentDeployments(store, { limit: 50 }),
    ]);
    const names = new Map(figures.workspaces.map((w) => [w.id, w.name]));
    const trend = rows.map((r) => {
      const t = JSON.parse(r.totals) as DashboardTotals;
      return { at: r.taken_at, invocations24h: t.invocations24h, errors24h: t.errors24h, errorRate: t.errorRate };
    });
    return {
      previous: previous ? (JSON.parse(previous.totals) as DashboardTotals) : null,
      trend: hourlyTrend(trend),
      recentDeployments: deployments
        .filter((d) => names.has(d.workspace_id))
        .slice(0, 10)
        .map((d): DashboardDeploymentRow => ({
          id: d.id,
          workspaceId: d.workspace_id,
          workspaceName: names.get(d.workspace_id)!,
          functionId: d.function_id,
          functionName: d.function_name,
          kind: d.kind,
          status: d.status,
          createdAt: d.created_at,
          createdBy: d.created_by,
        })),
      unavailable: false,
    };
  } catch (err) {
    logger.error({ err }, "dashboard history could not be read from the console store");
    return { previous: null, trend: [], recentDeployments: [], unavailable: true };
  }
}
