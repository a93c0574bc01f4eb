import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { LiveTaskTable } from "@/components/builds/live-task-table";
import { workspaceBuildsHref } from "@/lib/routes";
import { WorkspacePicker } from "@/components/builds/workspace-picker";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { userCan } from "@/server/auth/session";
import { env } from "@/server/env";
import { listWorkspaceTaskItems } from "@/server/dal/tasks";
import { listWorkspaces } from "@/server/dal/workspaces";
import { settle } from "@/server/errors/settle";

export async function generateMetadata() {
  return { title: (await getTranslations("builds"))("title") };
}

/** Every workspace's builds from one place; a task opens on its workspace's task page, where new builds start too. */
export default async function BuildsPage({
  searchParams,
}: {
  searchParams: Promise<{ workspace?: string | string[] }>;
}) {
  const [t, query] = await Promise.all([getTranslations("builds"), searchParams]);
  const workspaces = await settle(listWorkspaces());
  if (!workspaces.ok) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ErrorPanel
          title={t("loadFailed")}
          message={workspaces.error.message}
          code={workspaces.error.code}
          requestId={workspaces.error.requestId}
        />
      </>
    );
  }
  if (workspaces.data.length === 0) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description")} />
        <EmptyState title={t("noWorkspacesTitle")} description={t("noWorkspacesDescription")} />
      </>
    );
  }
  const requested = typeof query.workspace === "string" ? query.workspace : undefined;
  const selected = workspaces.data.find((w) => w.id === requested) ?? workspaces.data[0]!;
  const [tasks, canBuild] = await Promise.all([settle(listWorkspaceTaskItems(selected.id)), userCan("build.create")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <WorkspacePicker
              workspaces={workspaces.data.map((w) => ({ id: w.id, name: w.name }))}
              selected={selected.id}
            />
            {canBuild ? (
              <Link
                href={`${workspaceBuildsHref(selected.id)}?new=1`}
                className="inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 text-sm font-medium text-white hover:bg-brand-700"
              >
                {t("newBuild.open")}
              </Link>
            ) : null}
          </>
        }
      />
      {!tasks.ok ? (
        <ErrorPanel
          title={t("loadFailed")}
          message={tasks.error.message}
          code={tasks.error.code}
          requestId={tasks.error.requestId}
        />
      ) : (
        // Keyed by workspace: switching workspaces starts a fresh table instead of showing the last one's rows.
        <LiveTaskTable
          key={selected.id}
          workspaceId={selected.id}
          workspaceName={selected.name}
          initial={tasks.data}
          pollMs={env().TASK_POLL_INTERVAL_MS}
        />
      )}
    </>
  );
}
