import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { DeployStatusDto } from "@/lib/ship/run";
import { shipDiffHref, shipRunHref } from "@/lib/routes";

/**
 * Beside the function's name: whether the saved code is what was last deployed from the console
 * ("changes not deployed" links to the diff), or that a deploy is running. Nothing before a first deploy.
 */
export function DeployStateBadge({
  workspaceId,
  functionId,
  status,
}: {
  workspaceId: string;
  functionId: string;
  status: DeployStatusDto;
}) {
  const t = useTranslations("ship.header");
  const base = "rounded px-2 py-0.5 text-xs font-medium";
  if (status.running) {
    return (
      <Link
        href={shipRunHref(workspaceId, functionId, status.running.id)}
        data-testid="deploy-state"
        className={`${base} bg-brand-50 text-brand-700 hover:underline dark:bg-brand-950 dark:text-brand-100`}
      >
        {t("running")}
      </Link>
    );
  }
  if (!status.live) return null;
  if (status.live.codeHash !== status.savedCodeHash) {
    return (
      <Link
        href={shipDiffHref(workspaceId, functionId, status.live.id)}
        data-testid="deploy-state"
        className={`${base} bg-amber-100 text-amber-900 hover:underline dark:bg-amber-950 dark:text-amber-200`}
      >
        {t("notDeployed")}
      </Link>
    );
  }
  return (
    <span
      data-testid="deploy-state"
      className={`${base} bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200`}
    >
      {t("upToDate")}
    </span>
  );
}
