import { notFound } from "next/navigation";
import { type ReactNode } from "react";
import { FunctionHeader } from "@/components/functions/function-header";
import { FunctionTabs } from "@/components/functions/function-tabs";
import { ErrorPanel } from "@/components/ui/error-panel";
import { getTranslations } from "next-intl/server";
import { getFunctionForRender, getWorkspaceForRender } from "@/server/dal/render-reads";
import { userCan } from "@/server/auth/session";
import { DeleteFunctionButton } from "../../_components/delete-function-button";
import { settle } from "@/server/errors/settle";
import { DeployStateBadge } from "@/components/ship/deploy-state-badge";
import { deployStatus } from "@/server/ship/service";
import { functionHref, workspaceHref } from "@/lib/routes";

type Params = { workspaceId: string; functionId: string };

export async function generateMetadata({ params }: { params: Promise<Params> }) {
  const { workspaceId, functionId } = await params;
  const fn = await settle(getFunctionForRender(workspaceId, functionId));
  return { title: fn.ok ? fn.data.name : undefined };
}

/** The function's header and tab bar; each tab is its own route below this layout. */
export default async function FunctionLayout({ params, children }: { params: Promise<Params>; children: ReactNode }) {
  const { workspaceId, functionId } = await params;
  const [t, workspace, fn, canDelete] = await Promise.all([
    getTranslations("functions"),
    settle(getWorkspaceForRender(workspaceId)),
    settle(getFunctionForRender(workspaceId, functionId)),
    userCan("function.delete"),
  ]);
  if ((!fn.ok && fn.error.status === 404) || (!workspace.ok && workspace.error.status === 404)) notFound();
  if (!fn.ok || !workspace.ok) {
    const error = !fn.ok ? fn.error : !workspace.ok ? workspace.error : null;
    return (
      <ErrorPanel
        title={t("loadFailed")}
        message={error?.message ?? ""}
        code={error?.code}
        requestId={error?.requestId}
      />
    );
  }
  // The store is the console's own: when it fails, the header simply shows no deploy state.
  const status = await settle(deployStatus({ workspaceId, functionId }, fn.data.code));
  const basePath = functionHref(workspaceId, functionId);
  return (
    <div>
      <FunctionHeader
        fn={fn.data}
        workspace={workspace.data}
        badges={
          status.ok ? <DeployStateBadge workspaceId={workspaceId} functionId={functionId} status={status.data} /> : null
        }
        actions={
          canDelete ? (
            <DeleteFunctionButton
              workspaceId={workspaceId}
              functionId={functionId}
              functionName={fn.data.name}
              redirectTo={workspaceHref(workspaceId)}
              size="sm"
            />
          ) : undefined
        }
      />
      <FunctionTabs basePath={basePath} />
      <div className="pt-4">{children}</div>
    </div>
  );
}
