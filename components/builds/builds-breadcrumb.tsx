import Link from "next/link";
import { useTranslations } from "next-intl";
import { workspaceBuildsHref } from "./task-links";

/** Workspaces / {workspace} / Builds [/ task]: the way back up from a build page. */
export function BuildsBreadcrumb({ workspace, taskId }: { workspace: { id: string; name: string }; taskId?: string }) {
  const t = useTranslations("builds.breadcrumb");
  return (
    <nav aria-label={t("label")} className="mb-2 text-sm text-zinc-500 dark:text-zinc-400">
      <ol className="flex flex-wrap items-center gap-1">
        <li>
          <Link href="/workspaces" className="hover:underline">
            {t("workspaces")}
          </Link>
        </li>
        <li aria-hidden>/</li>
        <li>
          <Link href={`/workspaces/${encodeURIComponent(workspace.id)}`} className="hover:underline">
            {workspace.name}
          </Link>
        </li>
        <li aria-hidden>/</li>
        <li>
          {taskId ? (
            <Link href={workspaceBuildsHref(workspace.id)} className="hover:underline">
              {t("builds")}
            </Link>
          ) : (
            <span aria-current="page">{t("builds")}</span>
          )}
        </li>
        {taskId ? (
          <>
            <li aria-hidden>/</li>
            <li aria-current="page" className="font-mono text-xs">
              {taskId}
            </li>
          </>
        ) : null}
      </ol>
    </nav>
  );
}
