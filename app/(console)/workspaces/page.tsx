import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { WorkspaceCard } from "@/components/workspaces/workspace-card";
import { listWorkspaces } from "@/server/dal/workspaces";
import { settle } from "@/server/dal/settle";

export async function generateMetadata() {
  return { title: (await getTranslations("workspaces"))("title") };
}

export default async function WorkspacesPage() {
  const t = await getTranslations("workspaces");
  const result = await settle(listWorkspaces());
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {!result.ok ? (
        <ErrorPanel title={t("loadFailed")} message={result.error.message} code={result.error.code} requestId={result.error.requestId} />
      ) : result.data.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
          {result.data.map((w) => (
            <li key={w.id}>
              <WorkspaceCard workspace={w} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
