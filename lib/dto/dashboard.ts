import type { BuildStatus, FunctionStatus } from "@/lib/contract";

/** One workspace's figures over the last 24 h, as the dashboard and its CSV show them. */
export type DashboardWorkspaceRow = {
  id: string;
  name: string;
  functionCount: number;
  invocations24h: number;
  errors24h: number;
  /** Percent, 0..100. */
  errorRate: number;
  /** Milliseconds, weighted by invocations; null when nothing ran or the functions could not be read. */
  avgDuration: number | null;
};

export type DashboardFunctionRow = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  name: string;
  status: FunctionStatus;
  invocations24h: number;
  errors24h: number;
  errorRate: number;
  avgDuration: number;
};

export type DashboardTaskRow = {
  taskId: string;
  workspaceId: string;
  workspaceName: string;
  appName: string | null;
  status: BuildStatus;
  createdAt: string;
  updatedAt: string;
};

export type DashboardTotals = {
  workspaces: number;
  functions: number;
  invocations24h: number;
  errors24h: number;
  errorRate: number;
  avgDuration: number | null;
};

/** What could not be read for the dashboard: shown as a note naming it, never hidden. */
export type DashboardFailure = {
  workspaceId: string;
  workspaceName: string;
  part: "functions" | "tasks";
  code: string;
  message: string;
  requestId?: string;
};

/** The dashboard as the browser receives it: figures and short lists, never every function. */
export type DashboardDto = {
  /** When these figures were read from the backend (ISO). */
  generatedAt: string;
  totals: DashboardTotals;
  workspaces: DashboardWorkspaceRow[];
  topErrorFunctions: DashboardFunctionRow[];
  recentTasks: DashboardTaskRow[];
  failures: DashboardFailure[];
  history: DashboardHistory;
};

/** One point of a 7-day trend, from the console's stored snapshots (the backend keeps only 24 h). */
export type DashboardTrendPoint = { at: string; invocations24h: number; errors24h: number; errorRate: number };

/** A deployment the console ran (ship from the editor), from its store. */
export type DashboardDeploymentRow = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  functionId: string;
  functionName: string;
  kind: "deploy" | "rollback";
  status: string;
  createdAt: string;
  createdBy: string;
};

/** What the console's store adds to the figures: change, trends, deployments. */
export type DashboardHistory = {
  previous: DashboardTotals | null;
  trend: DashboardTrendPoint[];
  recentDeployments: DashboardDeploymentRow[];
  /** True when the store could not be read: the figures are current but change and trends are missing. */
  unavailable: boolean;
};
