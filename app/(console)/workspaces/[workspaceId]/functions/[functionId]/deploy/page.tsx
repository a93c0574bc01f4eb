import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { workspaceBuildsHref } from "@/components/builds/task-links";
import { CurrentDeployment } from "@/components/deploy/current-deployment";
import { DeployForm } from "@/components/deploy/deploy-form";
import { imageChoices, initialValues } from "@/components/deploy/deploy-form-model";
import { ErrorPanel } from "@/components/ui/error-panel";
import { deploySpinApp, scaffoldSpinApp } from "@/server/actions/deploy";
import { userCan } from "@/server/auth/session";
import { getFunctionForRender } from "@/server/dal/render-reads";
import { settle } from "@/server/errors/settle";
import { listWorkspaceTaskItems } from "@/server/dal/tasks";

type Params = { workspaceId: string; functionId: string };

/**
 * The function's Deploy tab: what runs now, and (developers) a form to deploy an image to it. The
 * layout above renders the header; deploySpinApp revalidates it, so its invocation URL is fresh after a deploy.
 */
export default async function DeployTab({ params, searchParams }: { params: Promise<Params>; searchParams: Promise<{ image?: string | string[] }> }) {
  const [{ workspaceId, functionId }, query, t] = await Promise.all([params, searchParams, getTranslations("deploy")]);
  const [fn, canDeploy] = await Promise.all([settle(getFunctionForRender(workspaceId, functionId)), userCan("deploy.create")]);
  if (!fn.ok) return <ErrorPanel title={t("loadFailed")} message={fn.error.message} code={fn.error.code} requestId={fn.error.requestId} />;

  const current = <CurrentDeployment invocationUrl={fn.data.invocationUrl} lastDeployed={fn.data.lastDeployed} />;
  if (!canDeploy) {
    return (
      <div className="space-y-4">
        {current}
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("readOnly")}</p>
      </div>
    );
  }

  // A failed history read leaves the form usable: the image can still be typed.
  const tasks = await settle(listWorkspaceTaskItems(workspaceId));
  const choices = tasks.ok ? imageChoices(tasks.data) : [];
  const requested = typeof query.image === "string" && query.image.trim() !== "" ? query.image : null;
  return (
    <div className="space-y-4">
      {current}
      {!tasks.ok ? <ErrorPanel title={t("historyFailed")} message={tasks.error.message} code={tasks.error.code} requestId={tasks.error.requestId} /> : null}
      <DeployForm
        workspaceId={workspaceId}
        functionId={functionId}
        initial={initialValues(fn.data.name, choices, requested)}
        choices={choices}
        scaffoldAction={scaffoldSpinApp}
        deployAction={deploySpinApp}
      />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t("buildHint")}{" "}
        <Link href={workspaceBuildsHref(workspaceId)} className="text-brand-700 hover:underline dark:text-brand-100">
          {t("buildLink")}
        </Link>
      </p>
    </div>
  );
}
