import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { workspaceBuildsHref } from "@/lib/routes";
import { CurrentDeployment } from "@/components/deploy/current-deployment";
import { DeployForm } from "@/components/deploy/deploy-form";
import { imageChoices, initialValues } from "@/components/deploy/deploy-form-model";
import { ShipPanel } from "@/components/ship/ship-panel";
import { ErrorPanel } from "@/components/ui/error-panel";
import { decodeUtf8Base64 } from "@/lib/base64";
import { userCan } from "@/server/auth/session";
import { getFunctionForRender } from "@/server/dal/render-reads";
import { settle } from "@/server/errors/settle";
import { listWorkspaceTaskItems } from "@/server/dal/tasks";
import { deployStatus, shipDefaults } from "@/server/ship/service";

type Params = { workspaceId: string; functionId: string };

/**
 * The function's Deploy tab: what runs now, and (developers) a form to deploy an image to it. The
 * layout above renders the header; deploySpinApp revalidates it, so its invocation URL is fresh after a deploy.
 */
export default async function DeployTab({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{
    image?: string | string[];
    run?: string | string[];
    diff?: string | string[];
    confirm?: string | string[];
  }>;
}) {
  const [{ workspaceId, functionId }, query, t] = await Promise.all([params, searchParams, getTranslations("deploy")]);
  const [fn, canDeploy] = await Promise.all([
    settle(getFunctionForRender(workspaceId, functionId)),
    userCan("deploy.create"),
  ]);
  if (!fn.ok)
    return (
      <ErrorPanel
        title={t("loadFailed")}
        message={fn.error.message}
        code={fn.error.code}
        requestId={fn.error.requestId}
      />
    );

  const key = { workspaceId, functionId };
  const [defaults, status] = await Promise.all([settle(shipDefaults(key)), settle(deployStatus(key, fn.data.code))]);
  const one = (v: string | string[] | undefined) => (typeof v === "string" && /^[0-9a-f-]{36}$/.test(v) ? v : null);
  const ship =
    defaults.ok && status.ok ? (
      <ShipPanel
        workspaceId={workspaceId}
        functionId={functionId}
        canDeploy={canDeploy}
        defaults={defaults.data}
        initialRunId={one(query.run) ?? status.data.running?.id ?? null}
        initialDiffId={one(query.diff)}
        initialConfirm={query.confirm === "1"}
        savedCode={decodeUtf8Base64(fn.data.code)}
      />
    ) : (
      <ErrorPanel
        title={t("loadFailed")}
        message={(!defaults.ok ? defaults.error : !status.ok ? status.error : null)?.message ?? ""}
      />
    );
  const current = <CurrentDeployment invocationUrl={fn.data.invocationUrl} lastDeployed={fn.data.lastDeployed} />;
  if (!canDeploy) {
    return (
      <div className="space-y-4">
        {current}
        {ship}
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
      {ship}
      {!tasks.ok ? (
        <ErrorPanel
          title={t("historyFailed")}
          message={tasks.error.message}
          code={tasks.error.code}
          requestId={tasks.error.requestId}
        />
      ) : null}
      <DeployForm
        workspaceId={workspaceId}
        functionId={functionId}
        initial={initialValues(fn.data.name, choices, requested)}
        choices={choices}
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
