import "server-only";
import type {
  DashboardDto,
  DashboardFailure,
  DashboardHistory,
  DashboardFunctionRow,
  DashboardTaskRow,
  DashboardTotals,
  DashboardWorkspaceRow,
} from "@/lib/dto/dashboard";
import type { FunctionDto } from "@/lib/dto/function";
import type { ApiWorkspaceTask } from "@/lib/dto/task";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { requireUser } from "@/server/auth/session";
import { toFailure } from "@/server/errors/sanitise";
import { listFunctions } from "@/server/dal/functions";
import { listWorkspaceTaskItems } from "@/server/dal/tasks";
import { listWorkspaces } from "@/server/dal/workspaces";
import { env } from "@/server/env";
import { dashboardHistory } from "./history";
import { functionRow, topErrorFunctions, totalsOf, workspaceRow } from "./figures";
import { mapSettledLimit } from "./map-limit";
import { SharedCache } from "./shared-cache";

/** Everything one read of the backend gave, server-side: every function, for the CSV export too. */
export type DashboardAggregate = {
  generatedAt: string;
  totals: DashboardTotals;
  workspaces: DashboardWorkspaceRow[];
  functions: DashboardFunctionRow[];
  tasks: DashboardTaskRow[];
  failures: DashboardFailure[];
  history: DashboardHistory;
  /** Backend calls this read made (1 list + 2 per workspace). */
  upstreamRequests: number;
};

async function readAggregate(scope: string): Promise<DashboardAggregate> {
  const workspaces = await listWorkspaces(); // a failure here fails the dashboard: there is nothing to show
  const e = env();
  type Job = {
    w: WorkspaceDto;
    part: DashboardFailure["part"];
    run: () => Promise<FunctionDto[] | ApiWorkspaceTask[]>;
  };
  const jobs = workspaces.flatMap((w): Job[] => [
    { w, part: "functions", run: () => listFunctions(w.id) },
    { w, part: "tasks", run: () => listWorkspaceTaskItems(w.id) },
  ]);
  const settled = await mapSettledLimit(jobs, e.DASHBOARD_CONCURRENCY, (j) => j.run());

  const failures: DashboardFailure[] = [];
  const functionsOf = new Map<string, FunctionDto[] | null>();
  const tasks: DashboardTaskRow[] = [];
  settled.forEach((outcome, i) => {
    const { w, part } = jobs[i]!;
    if (outcome.status === "rejected") {
      const safe = toFailure(outcome.reason, undefined);
      failures.push({
        workspaceId: w.id,
        workspaceName: w.name,
        part,
        code: safe.code,
        message: safe.message,
        requestId: safe.requestId,
      });
      if (part === "functions") functionsOf.set(w.id, null);
      return;
    }
    if (part === "functions") functionsOf.set(w.id, outcome.value as FunctionDto[]);
    else
      for (const t of outcome.value as ApiWorkspaceTask[])
        tasks.push({
          taskId: t.task_id,
          workspaceId: w.id,
          workspaceName: w.name,
          appName: t.app_name,
          status: t.status,
          createdAt: t.created_at,
          updatedAt: t.updated_at,
        });
  });

  const rows = workspaces.map((w) => workspaceRow(w, functionsOf.get(w.id) ?? null));
  const functions = workspaces.flatMap((w) => (functionsOf.get(w.id) ?? []).map((f) => functionRow(w, f)));
  tasks.sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt));
  const generatedAt = new Date().toISOString();
  const totals = totalsOf(rows);
  const complete = !failures.some((f) => f.part === "functions");
  const history = await dashboardHistory(scope, { generatedAt, totals, workspaces: rows, complete });
  return {
    generatedAt,
    totals,
    workspaces: rows,
    functions,
    tasks,
    failures,
    history,
    upstreamRequests: 1 + jobs.length,
  };
}

const cache = new SharedCache<DashboardAggregate>(() => env().DASHBOARD_CACHE_SECONDS * 1000);

/**
 * The dashboard's one server-side read. Everyone with the same roles shares it for a few seconds, so a
 * room of managers refreshing costs the backend one fan-out. Shared by roles, not by user: the
 * contract gives every role that may read workspaces the same list (no per-user visibility), and the
 * caller's role is checked here before anything cached is handed out.
 */
export async function readDashboard(): Promise<DashboardAggregate> {
  const user = await requireUser("workspace.read");
  await requireUser("function.read");
  await requireUser("task.read");
  const scope = [...user.roles].sort().join(",");
  return cache.get(scope, () => readAggregate(scope));
}

/** After a change made through this console, the next dashboard read goes to the backend. */
export function forgetDashboard(): void {
  cache.clear();
}

/** What a browser receives: figures and short lists, never every function. */
export function toDashboardDto(a: DashboardAggregate): DashboardDto {
  return {
    generatedAt: a.generatedAt,
    totals: a.totals,
    workspaces: a.workspaces,
    topErrorFunctions: topErrorFunctions(a.functions, 10),
    recentTasks: a.tasks.slice(0, 10),
    failures: a.failures,
    history: a.history,
  };
}
