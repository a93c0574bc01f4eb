import { functionTabHref } from "@/components/builds/task-links";

/** The ship flow's URLs (BFF reads and pages) in one place. */
const seg = encodeURIComponent;
const fnApi = (ws: string, fn: string) => `/api/workspaces/${seg(ws)}/functions/${seg(fn)}`;

export const deploymentsKey = (ws: string, fn: string) => `${fnApi(ws, fn)}/deployments`;
export const deploymentKey = (ws: string, fn: string, id: string) => `${deploymentsKey(ws, fn)}/${seg(id)}`;
export const deploymentCodeKey = (ws: string, fn: string, id: string) => `${deploymentKey(ws, fn, id)}/code`;

/** The Deploy tab following one run (`?run=`), or showing the diff with the live code (`?diff=`). */
export function shipRunHref(ws: string, fn: string, runId?: string): string {
  return `${functionTabHref(ws, fn, "deploy")}${runId ? `?run=${seg(runId)}` : ""}`;
}
/** The Deploy tab asking to confirm the settings (a first deploy) or choose a registry. */
export function shipConfirmHref(ws: string, fn: string): string {
  return `${functionTabHref(ws, fn, "deploy")}?confirm=1`;
}
export function shipDiffHref(ws: string, fn: string, deploymentId: string): string {
  return `${functionTabHref(ws, fn, "deploy")}?diff=${seg(deploymentId)}`;
}
