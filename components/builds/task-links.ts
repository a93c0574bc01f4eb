/** Every link of the build-and-deploy flow in one place, so pages and journeys agree on the URLs. */
const seg = encodeURIComponent;

export function workspaceBuildsHref(workspaceId: string): string {
  return `/workspaces/${seg(workspaceId)}/builds`;
}

/** `source` is the S3 location a build was started from, for Push when the Builder names none. */
export function taskHref(workspaceId: string, taskId: string, source?: string | null): string {
  const href = `${workspaceBuildsHref(workspaceId)}/${seg(taskId)}`;
  return source ? `${href}?source=${seg(source)}` : href;
}

export function functionTabHref(workspaceId: string, functionId: string, tab: "deploy" | "test"): string {
  return `/workspaces/${seg(workspaceId)}/functions/${seg(functionId)}/${tab}`;
}

/** The deploy tab with an image preselected (from a task's result). */
export function deployWithImageHref(workspaceId: string, functionId: string, imageRef: string): string {
  return `${functionTabHref(workspaceId, functionId, "deploy")}?image=${seg(imageRef)}`;
}
