import { Link } from "@/components/ui/link";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RelativeTime } from "@/components/format/relative-time";
import { buttonClasses } from "@/components/ui/button-classes";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { ErrorRateBadge } from "@/components/workspaces/error-rate-badge";
import { userCan } from "@/server/auth/session";
import { listFunctions } from "@/server/dal/functions";
import { getWorkspace } from "@/server/dal/workspaces";
import { getWorkspaceForRender } from "@/server/dal/render-reads";
import { settle } from "@/server/errors/settle";
import { DeleteWorkspaceButton } from "../_components/delete-workspace-button";
import { EditWorkspaceButton } from "../_components/edit-workspace-button";
import { WorkspaceFunctions } from "../_components/workspace-functions";
import { newFunctionHref, workspaceLogsHref, workspacesHref } from "@/lib/routes";

type Params = { workspaceId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { workspaceId } = await params;
  const w = await settle(getWorkspace(workspaceId));
  return { title: w.ok ? w.data.name : undefined };
}

/** A workspace: its numbers, its functions, and (by role) the controls to change it. */
export default async function WorkspacePage({ params }: { params: Promise<Params> }) {
  const { workspaceId } = await params;
  const [t, format, workspace, functions, canEdit, canDelete, canCreateFn, canDeleteFn] = await Promise.all([
    getTranslations("workspaces"),
    getFormatter(),
    settle(getWorkspaceForRender(workspaceId)),
    settle(listFunctions(workspaceId)),
    userCan("workspace.update"),
    userCan("workspace.delete"),
    userCan("function.create"),
    userCan("function.delete"),
  ]);
  if (!workspace.ok) {
    if (workspace.error.status === 404) notFound();
    const e = workspace.error;
    return <ErrorPanel title={t("detail.loadFailed")} message={e.message} code={e.code} requestId={e.requestId} />;
  }
  const w = workspace.data;
  const newFunction = canCreateFn ? (
    <Link href={newFunctionHref(w.id)} className={buttonClasses({ variant: "primary" })}>
      {t("detail.newFunction")}
    </Link>
  ) : undefined;
  return (
    <>
      <Breadcrumbs
        className="mb-2"
        label={t("detail.breadcrumb")}
        items={[{ href: workspacesHref(), label: t("title") }, { label: w.name }]}
      />
      <PageHeader
        title={w.name}
        description={w.description ?? undefined}
        actions={
          <>
            <Link href={workspaceLogsHref(w.id)} className={buttonClasses()}>
              {t("detail.logs")}
            </Link>
            <Link href={`/builds?workspace=${encodeURIComponent(w.id)}`} className={buttonClasses()}>
              {t("detail.builds")}
            </Link>
            {canEdit ? <EditWorkspaceButton workspace={w} /> : null}
            {canDelete ? <DeleteWorkspaceButton workspace={w} /> : null}
          </>
        }
      />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label={t("detail.functions")} value={format.number(w.functionCount)} />
        <Stat label={t("detail.invocations24h")} value={format.number(w.invocations24h)} />
        <Stat
          label={t("detail.errorRate")}
          value={<ErrorRateBadge rate={w.errorRate} invocations={w.invocations24h} />}
        />
        <Stat
          label={t("detail.created")}
          value={
            <span className="text-base font-medium">
              <RelativeTime iso={w.createdAt} />
            </span>
          }
        />
      </dl>
      <section aria-labelledby="functions-heading" className="mt-8">
        <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
          <h2 id="functions-heading" className="text-lg font-semibold">
            {t("detail.functionsHeading")}
          </h2>
          {newFunction}
        </div>
        {functions.ok ? (
          <WorkspaceFunctions functions={functions.data} canDelete={canDeleteFn} emptyAction={newFunction} />
        ) : (
          <ErrorPanel
            title={t("detail.functionsLoadFailed")}
            message={functions.error.message}
            code={functions.error.code}
            requestId={functions.error.requestId}
          />
        )}
      </section>
    </>
  );
}
