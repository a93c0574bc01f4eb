import "server-only";
import { revalidatePath } from "next/cache";
import { workspaceHref } from "@/lib/routes";

/*
 * What each mutation makes stale, so the next render after an action is fresh (a deleted function
 * disappears from its workspace's list and count at once). Ids are contract-validated ([A-Za-z0-9._~-]),
 * so they are safe as literal path segments.
 */

/** Workspace cards and counts show on the dashboard, the list and the builds page's picker. */
export function revalidateWorkspaces(workspaceId?: string): void {
  revalidatePath("/");
  revalidatePath("/workspaces");
  revalidatePath("/builds");
  if (workspaceId) revalidatePath(workspaceHref(workspaceId), "layout");
}

/** A function's pages sit under its workspace; the workspace's counts and stats show on the lists. */
export function revalidateFunctions(workspaceId: string): void {
  revalidatePath("/");
  revalidatePath("/workspaces");
  revalidatePath(workspaceHref(workspaceId), "layout");
}

export function revalidateBuilds(): void {
  revalidatePath("/builds");
}

/** A deploy can set any function's invocation URL and lastDeployed; the request names no workspace. */
export function revalidateDeployments(): void {
  revalidatePath("/builds");
  revalidatePath("/workspaces/[workspaceId]", "layout");
}
