import { getTranslations } from "next-intl/server";
import { TaskTable } from "@/components/builds/task-table";
import { WorkspacePicker } from "@/components/builds/workspace-picker";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { listWorkspaceTasks } from "@/server/dal/tasks";
import { listWorkspaces } from "@/server/dal/workspaces";
import { settle } from "@/server/dal/settle";

export async function generateMetadata() {
  return { title: (await getTranslations("builds"))("title") };
}

export default async function BuildsPage({ searchParams }: { searchParams: Promise<{ workspace?: string | string[] }> }) {
  const [t, query] = await Promise.all([getTranslations("builds"), searchParams]);
  const workspaces = await settle(listWorkspaces());
  if (!workspaces.ok) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ErrorPanel title={t("loadFailed")} message={workspaces.error.message} code={workspaces.error.code} requestId={workspaces.error.requestId} />
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
  const tasks = await settle(listWorkspaceTasks(selected.id));
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={<WorkspacePicker workspaces={workspaces.data.map((w) => ({ id: w.id, name: w.name }))} selected={selected.id} />}
      />
      {!tasks.ok ? (
        <ErrorPanel title={t("loadFailed")} message={tasks.error.message} code={tasks.error.code} requestId={tasks.error.requestId} />
      ) : tasks.data.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription", { workspace: selected.name })} />
      ) : (
        <TaskTable tasks={tasks.data} />
      )}
    </>
  );
}
