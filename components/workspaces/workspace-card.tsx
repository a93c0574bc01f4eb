import { Link } from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { ErrorRateBadge } from "./error-rate-badge";
import { workspaceHref } from "@/lib/routes";

export function WorkspaceCard({ workspace }: { workspace: WorkspaceDto }) {
  const t = useTranslations("workspaces.card");
  const format = useFormatter();
  return (
    <Card className="relative flex flex-col gap-3 transition-shadow focus-within:shadow-md hover:shadow-md">
      <div>
        <h3 className="truncate font-semibold">
          <Link href={workspaceHref(workspace.id)} className="after:absolute after:inset-0 focus:outline-none">
            {workspace.name}
          </Link>
        </h3>
        <p className="mt-0.5 line-clamp-2 min-h-10 text-sm text-zinc-500 dark:text-zinc-400">
          {workspace.description || t("noDescription")}
        </p>
      </div>
      <dl className="grid grid-cols-3 gap-2 text-sm">
        <div>
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">{t("functions")}</dt>
          <dd className="font-medium tabular-nums">{format.number(workspace.functionCount)}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">{t("invocations24h")}</dt>
          <dd className="font-medium tabular-nums">{format.number(workspace.invocations24h)}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-500 dark:text-zinc-400">{t("errorRate")}</dt>
          <dd>
            <ErrorRateBadge rate={workspace.errorRate} invocations={workspace.invocations24h} />
          </dd>
        </div>
      </dl>
    </Card>
  );
}
