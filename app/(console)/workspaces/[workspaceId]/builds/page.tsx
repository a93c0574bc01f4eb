import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BuildsBreadcrumb } from "@/components/builds/builds-breadcrumb";
import { LiveTaskTable } from "@/components/builds/live-task-table";
import { NewBuildDialog } from "@/components/builds/new-build-dialog";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { userCan } from "@/server/auth/session";
import { settle } from "@/server/errors/settle";
import { listWorkspaceTaskItems } from "@/server/dal/tasks";
import { getWorkspace } from "@/server/dal/workspaces";
import { env } from "@/server/env";

type Params = { workspaceId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const [{ workspaceId }, t] = await Promise.all([params, getTranslations("builds")]);
  const workspace = await settle(getWorkspace(workspaceId));
  return { title: workspace.ok ? t("workspaceTitle", { workspace: workspace.data.name }) : t("title") };
}

/** A workspace's build history (live while tasks run) and, for developers, "New build". */
export default async function WorkspaceBuildsPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ new?: string | string[] }>;
}) {
  const [{ workspaceId }, query, t] = await Promise.all([params, searchParams, getTranslations("builds")]);
  const [workspace, tasks, canBuild, canPush] = await Promise.all([
    settle(getWorkspace(workspaceId)),
    settle(listWorkspaceTaskItems(workspaceId)),
    userCan("build.create"),
    userCan("push.create"),
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
  const { UPLOAD_MAX_MB, TASK_POLL_INTERVAL_MS } = env();
  return (
    <>
      <BuildsBreadcrumb workspace={workspace.data} />
      <PageHeader
        title={t("workspaceTitle", { workspace: workspace.data.name })}
        description={canBuild ? t("workspaceDescription") : t("readOnlyDescription")}
        actions={
          canBuild ? (
            <NewBuildDialog
              workspaceId={workspaceId}
              workspaceName={workspace.data.name}
              maxBytes={UPLOAD_MAX_MB * 1024 * 1024}
              canPush={canPush}
              defaultOpen={query.new === "1"}
            />
          ) : null
        }
      />
      {tasks.ok ? (
        <LiveTaskTable
          workspaceId={workspaceId}
          workspaceName={workspace.data.name}
          initial={tasks.data}
          pollMs={TASK_POLL_INTERVAL_MS}
        />
      ) : (
        <ErrorPanel
          title={t("loadFailed")}
          message={tasks.error.message}
          code={tasks.error.code}
          requestId={tasks.error.requestId}
        />
      )}
    </>
  );
}
