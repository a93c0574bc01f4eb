import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { WorkspaceLogs } from "@/components/logs/workspace-logs";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { listFunctions } from "@/server/dal/functions";
import { getWorkspace } from "@/server/dal/workspaces";
import { settle } from "@/server/errors/settle";
import { workspaceHref } from "@/lib/routes";

type Params = { workspaceId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { workspaceId } = await params;
  const [t, ws] = await Promise.all([getTranslations("logs.workspace"), settle(getWorkspace(workspaceId))]);
  return { title: ws.ok ? t("pageTitle", { workspace: ws.data.name }) : t("title") };
}

/** Recent executions across a workspace's functions. The function list only names them: if it fails, ids are shown. */
export default async function WorkspaceLogsPage({ params }: { params: Promise<Params> }) {
  const { workspaceId } = await params;
  const [t, workspace, functions] = await Promise.all([
    getTranslations("logs.workspace"),
    settle(getWorkspace(workspaceId)),
    settle(listFunctions(workspaceId)),
  ]);
  if (!workspace.ok && workspace.error.status === 404) notFound();
  if (!workspace.ok) {
    return (
      <ErrorPanel
        title={t("loadFailed")}
        message={workspace.error.message}
        code={workspace.error.code}
        requestId={workspace.error.requestId}
      />
    );
  }
  const refs = functions.ok
    ? functions.data.map((f) => ({ id: f.id, name: f.name })).sort((a, b) => a.name.localeCompare(b.name))
    : null;
  return (
    <>
      <Breadcrumbs
        className="mb-2"
        label={t("breadcrumb")}
        items={[
          { href: "/workspaces", label: t("workspaces") },
          { href: workspaceHref(workspace.data.id), label: workspace.data.name },
        ]}
      />
      <PageHeader title={t("title")} description={t("description", { workspace: workspace.data.name })} />
      <Suspense fallback={<Skeleton className="h-64 w-full" />}>
        <WorkspaceLogs workspaceId={workspace.data.id} functions={refs} />
      </Suspense>
    </>
  );
}
