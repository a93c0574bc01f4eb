import { notFound } from "next/navigation";
import { type ReactNode } from "react";
import { getWorkspaceForRender } from "@/server/dal/render-reads";
import { settle } from "@/server/errors/settle";

/**
 * A workspace that does not exist answers 404 here, above every loading boundary of its pages: once a
 * skeleton has streamed, the status is already 200. Other failures are the pages' to explain.
 */
export default async function WorkspaceLayout({
  params,
  children,
}: {
  params: Promise<{ workspaceId: string }>;
  children: ReactNode;
}) {
  const { workspaceId } = await params;
  const workspace = await settle(getWorkspaceForRender(workspaceId));
  if (!workspace.ok && workspace.error.status === 404) notFound();
  return children;
}
