/** Where each dashboard item leads (page URLs of the console). */
const seg = encodeURIComponent;

export const workspaceHref = (workspaceId: string) => `/workspaces/${seg(workspaceId)}`;
export const functionPageHref = (workspaceId: string, functionId: string) =>
  `${workspaceHref(workspaceId)}/functions/${seg(functionId)}`;
export const dashboardExportHref = (scope: "workspaces" | "functions") => `/api/dashboard/export?scope=${scope}`;
