/*
 * Every page URL of the console, and the BFF read keys the browser asks for, in one place: pages,
 * components and server code build links from here, never by hand. Each id is one path segment.
 */

const seg = encodeURIComponent;

export type FunctionTab = "code" | "settings" | "test" | "metrics" | "logs" | "deploy";

export const dashboardHref = () => "/";
export const buildsHref = () => "/builds";
export const auditHref = () => "/audit";
export const workspacesHref = () => "/workspaces";

export const workspaceHref = (workspaceId: string) => `/workspaces/${seg(workspaceId)}`;
export const workspaceBuildsHref = (workspaceId: string) => `${workspaceHref(workspaceId)}/builds`;
export const workspaceLogsHref = (workspaceId: string) => `${workspaceHref(workspaceId)}/logs`;
export const newFunctionHref = (workspaceId: string) => `${workspaceHref(workspaceId)}/functions/new`;

/** A function's page (it opens the Code tab), or one of its tabs. */
export function functionHref(workspaceId: string, functionId: string, tab?: FunctionTab): string {
  const page = `${workspaceHref(workspaceId)}/functions/${seg(functionId)}`;
  return tab ? `${page}/${tab}` : page;
}

/** `source` is the S3 location a build was started from, for Push when the Builder names none. */
export function taskHref(workspaceId: string, taskId: string, source?: string | null): string {
  const href = `${workspaceBuildsHref(workspaceId)}/${seg(taskId)}`;
  return source ? `${href}?source=${seg(source)}` : href;
}

/** The Deploy tab with an image preselected (from a task's result). */
export const deployWithImageHref = (workspaceId: string, functionId: string, imageRef: string) =>
  `${functionHref(workspaceId, functionId, "deploy")}?image=${seg(imageRef)}`;

/** The Deploy tab following one run (`?run=`). */
export const shipRunHref = (workspaceId: string, functionId: string, runId?: string) =>
  `${functionHref(workspaceId, functionId, "deploy")}${runId ? `?run=${seg(runId)}` : ""}`;
/** The Deploy tab asking to confirm the settings (a first deploy) or choose a registry. */
export const shipConfirmHref = (workspaceId: string, functionId: string) =>
  `${functionHref(workspaceId, functionId, "deploy")}?confirm=1`;
/** The Deploy tab showing the diff between one deployment's code and the saved code. */
export const shipDiffHref = (workspaceId: string, functionId: string, deploymentId: string) =>
  `${functionHref(workspaceId, functionId, "deploy")}?diff=${seg(deploymentId)}`;

/** The failed executions of a function, in its Logs tab. */
export const failedRunsHref = (workspaceId: string, functionId: string) =>
  `${functionHref(workspaceId, functionId, "logs")}?view=executions&status=error`;
/** One function's executions, from the workspace's logs. */
export const functionExecutionsHref = (workspaceId: string, functionId: string) =>
  `${functionHref(workspaceId, functionId, "logs")}?view=executions`;

/* BFF reads (SWR keys and downloads). */
export const functionApi = (workspaceId: string, functionId: string) =>
  `/api/workspaces/${seg(workspaceId)}/functions/${seg(functionId)}`;
export const functionLogsKey = (workspaceId: string, functionId: string, limit: number) =>
  `${functionApi(workspaceId, functionId)}/logs?limit=${limit}`;
export const workspaceLogsKey = (workspaceId: string, limit: number) =>
  `/api/workspaces/${seg(workspaceId)}/logs?limit=${limit}`;
export const envValueKey = (workspaceId: string, functionId: string, name: string) =>
  `${functionApi(workspaceId, functionId)}/env/${seg(name)}`;
export const lokiLogsKey = (functionId: string, limit: number) =>
  `/api/functions/${seg(functionId)}/loki-logs?limit=${limit}`;
export const metricsKey = (functionId: string) => `/api/functions/${seg(functionId)}/metrics`;
export const taskKey = (taskId: string) => `/api/v1/tasks/${seg(taskId)}`;
export const workspaceTasksKey = (workspaceId: string) => `/api/v1/workspaces/${seg(workspaceId)}/tasks`;
export const registriesKey = () => "/api/v1/registries";
export const deploymentsKey = (workspaceId: string, functionId: string) =>
  `${functionApi(workspaceId, functionId)}/deployments`;
export const deploymentKey = (workspaceId: string, functionId: string, id: string) =>
  `${deploymentsKey(workspaceId, functionId)}/${seg(id)}`;
export const deploymentCodeKey = (workspaceId: string, functionId: string, id: string) =>
  `${deploymentKey(workspaceId, functionId, id)}/code`;
export const dashboardExportHref = (scope: "workspaces" | "functions") => `/api/dashboard/export?scope=${scope}`;
