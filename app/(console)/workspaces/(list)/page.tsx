import { getTranslations } from "next-intl/server";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { WorkspaceGrid } from "@/components/workspaces/workspace-grid";
import { userCan } from "@/server/auth/session";
import { listWorkspaces } from "@/server/dal/workspaces";
import { settle } from "@/server/errors/settle";
import { CreateWorkspaceButton } from "../_components/create-workspace-button";

export async function generateMetadata() {
  return { title: (await getTranslations("workspaces"))("title") };
}

export default async function WorkspacesPage() {
  const [t, result, canCreate] = await Promise.all([
    getTranslations("workspaces"),
    settle(listWorkspaces()),
    userCan("workspace.create"),
  ]);
  const create = canCreate ? <CreateWorkspaceButton /> : undefined;
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={create} />
      {!result.ok ? (
        <ErrorPanel
          title={t("loadFailed")}
          message={result.error.message}
          code={result.error.code}
          requestId={result.error.requestId}
        />
      ) : (
        <WorkspaceGrid workspaces={result.data} emptyAction={create} />
      )}
    </>
  );
}
