import "server-only";
import type { DashboardFunctionRow, DashboardTotals, DashboardWorkspaceRow } from "@/lib/dto/dashboard";
import type { FunctionDto } from "@/lib/dto/function";
import type { WorkspaceDto } from "@/lib/dto/workspace";

const rate = (errors: number, invocations: number) => (invocations === 0 ? 0 : (errors / invocations) * 100);

/** Average of per-function averages, weighted by how often each ran; null when nothing ran. */
function weightedDuration(items: ReadonlyArray<{ avgDuration: number | null; invocations24h: number }>): number | null {
  let runs = 0;
  let total = 0;
  for (const i of items) {
    if (i.avgDuration === null || i.invocations24h === 0) continue;
    runs += i.invocations24h;
    total += i.avgDuration * i.invocations24h;
  }
  return runs === 0 ? null : total / runs;
}

export function functionRow(w: WorkspaceDto, f: FunctionDto): DashboardFunctionRow {
  return {
    id: f.id,
    workspaceId: w.id,
    workspaceName: w.name,
    name: f.name,
    status: f.status,
    invocations24h: f.invocations24h,
    errors24h: f.errors24h,
    errorRate: rate(f.errors24h, f.invocations24h),
    avgDuration: f.avgDuration,
  };
}

/**
 * A workspace's row: from its functions when they could be read (errors and durations need them),
 * otherwise from the workspace's own aggregates, with the error count derived from its rate.
 */
export function workspaceRow(w: WorkspaceDto, functions: FunctionDto[] | null): DashboardWorkspaceRow {
  if (functions === null) {
    return {
      id: w.id,
      name: w.name,
      functionCount: w.functionCount,
      invocations24h: w.invocations24h,
      errors24h: Math.round((w.errorRate * w.invocations24h) / 100),
      errorRate: w.errorRate,
      avgDuration: null,
    };
  }
  const invocations = functions.reduce((n, f) => n + f.invocations24h, 0);
  const errors = functions.reduce((n, f) => n + f.errors24h, 0);
  return {
    id: w.id,
    name: w.name,
    functionCount: functions.length,
    invocations24h: invocations,
    errors24h: errors,
    errorRate: rate(errors, invocations),
    avgDuration: weightedDuration(functions),
  };
}

export function totalsOf(rows: DashboardWorkspaceRow[]): DashboardTotals {
  const invocations = rows.reduce((n, r) => n + r.invocations24h, 0);
  const errors = rows.reduce((n, r) => n + r.errors24h, 0);
  return {
    workspaces: rows.length,
    functions: rows.reduce((n, r) => n + r.functionCount, 0),
    invocations24h: invocations,
    errors24h: errors,
    errorRate: rate(errors, invocations),
    avgDuration: weightedDuration(rows),
  };
}

/** The functions with the most errors in 24 h (ties: the higher rate, then the name). */
export function topErrorFunctions(rows: DashboardFunctionRow[], n = 10): DashboardFunctionRow[] {
  return rows
    .filter((r) => r.errors24h > 0)
    .sort((a, b) => b.errors24h - a.errors24h || b.errorRate - a.errorRate || a.name.localeCompare(b.name))
    .slice(0, n);
}
