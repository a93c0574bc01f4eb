import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { useTranslations } from "next-intl";
import { type ReactNode } from "react";
import { RelativeTime } from "@/components/format/relative-time";
import { CopyButton } from "@/components/ui/copy-button";
import type { FunctionDto } from "@/lib/dto/function";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { FunctionStatusBadge } from "./function-status-badge";
import { workspaceHref } from "@/lib/routes";

/** `actions`: controls the caller's role allows (e.g. delete), rendered beside the name; `badges`: states beside the runtime. */
export function FunctionHeader({
  fn,
  workspace,
  actions,
  badges,
}: {
  fn: FunctionDto;
  workspace: Pick<WorkspaceDto, "id" | "name">;
  actions?: ReactNode;
  badges?: ReactNode;
}) {
  const t = useTranslations("functions.header");
  return (
    <header className="mb-4 space-y-3">
      <Breadcrumbs
        label={t("breadcrumb")}
        items={[
          { href: "/workspaces", label: t("workspaces") },
          { href: workspaceHref(workspace.id), label: workspace.name },
        ]}
      />
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{fn.name}</h1>
        <FunctionStatusBadge status={fn.status} />
        <span className="rounded bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          {fn.runtime}
        </span>
        {badges}
        {actions ? <div className="ml-auto flex items-center gap-2">{actions}</div> : null}
      </div>
      {fn.description ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{fn.description}</p> : null}
      <dl className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <div className="flex min-w-0 items-center gap-2">
          <dt className="text-zinc-500 dark:text-zinc-400">{t("invocationUrl")}</dt>
          <dd className="flex min-w-0 items-center gap-1">
            {fn.invocationUrl ? (
              <>
                <code
                  className="truncate rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800"
                  title={fn.invocationUrl}
                >
                  {fn.invocationUrl}
                </code>
                <CopyButton value={fn.invocationUrl} label={t("copyUrl")} />
              </>
            ) : (
              <span className="text-zinc-500 dark:text-zinc-400">{t("notDeployed")}</span>
            )}
          </dd>
        </div>
        <div className="flex items-center gap-2">
          <dt className="text-zinc-500 dark:text-zinc-400">{t("lastDeployed")}</dt>
          <dd>
            {fn.lastDeployed ? (
              <RelativeTime iso={fn.lastDeployed} />
            ) : (
              <span className="text-zinc-500 dark:text-zinc-400">{t("never")}</span>
            )}
          </dd>
        </div>
      </dl>
    </header>
  );
}
