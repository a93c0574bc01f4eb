import { Link } from "@/components/ui/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { userCan } from "@/server/auth/session";
import { getWorkspace } from "@/server/dal/workspaces";
import { settle } from "@/server/errors/settle";
import { CreateFunctionForm } from "./_components/create-function-form";
import { workspaceHref, workspacesHref } from "@/lib/routes";

type Params = { workspaceId: string };

export async function generateMetadata() {
  return { title: (await getTranslations("functions.create"))("title") };
}

/** A new function in a workspace. Viewers get an explanation instead of a form they could not submit. */
export default async function NewFunctionPage({ params }: { params: Promise<Params> }) {
  const { workspaceId } = await params;
  const [t, tw, workspace, allowed] = await Promise.all([
    getTranslations("functions.create"),
    getTranslations("workspaces"),
    settle(getWorkspace(workspaceId)),
    userCan("function.create"),
  ]);
  if (!workspace.ok) {
    if (workspace.error.status === 404) notFound();
    const e = workspace.error;
    return <ErrorPanel title={tw("detail.loadFailed")} message={e.message} code={e.code} requestId={e.requestId} />;
  }
  const w = workspace.data;
  return (
    <div className="max-w-4xl">
      <Breadcrumbs
        className="mb-2"
        label={tw("detail.breadcrumb")}
        items={[
          { href: workspacesHref(), label: tw("title") },
          { href: workspaceHref(w.id), label: w.name },
        ]}
      />
      <div id="create-function-heading">
        <PageHeader title={t("title")} description={t("description", { workspace: w.name })} />
      </div>
      {allowed ? (
        <CreateFunctionForm workspaceId={w.id} cancelHref={workspaceHref(w.id)} />
      ) : (
        <EmptyState
          title={t("notAllowedTitle")}
          description={t("notAllowedDescription")}
          action={
            <Link href={workspaceHref(w.id)} className={buttonClasses()}>
              {t("back", { workspace: w.name })}
            </Link>
          }
        />
      )}
    </div>
  );
}
