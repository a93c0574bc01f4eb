"use client";

import { useTranslations } from "next-intl";
import useSWR from "swr";
import { RelativeTime } from "@/components/format/relative-time";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { ApiError } from "@/lib/api/api-error";
import { fetchJson } from "@/lib/api/fetcher";
import type { DeploymentDto } from "@/lib/ship/run";
import { deploymentsKey } from "@/lib/routes";

type Props = {
  workspaceId: string;
  functionId: string;
  canDeploy: boolean;
  busy: boolean;
  onView: (id: string) => void;
  onDiff: (id: string) => void;
  onRollback: (d: DeploymentDto) => void;
};

/** Every deployment of the function from the console's store: image, code, who, when, outcome. */
export function DeploymentHistory({ workspaceId, functionId, canDeploy, busy, onView, onDiff, onRollback }: Props) {
  const t = useTranslations("ship");
  const { data, error } = useSWR<DeploymentDto[], ApiError>(deploymentsKey(workspaceId, functionId), fetchJson, {
    refreshInterval: (latest) => (latest?.some((d) => d.status === "running") ? 2000 : 0),
  });
  return (
    <section aria-labelledby="deploy-history-title" className="space-y-2">
      <h2 id="deploy-history-title" className="text-lg font-semibold">
        {t("history.title")}
      </h2>
      {error && !data ? (
        <ErrorPanel
          title={t("history.loadFailed")}
          message={error.message}
          code={error.code}
          requestId={error.requestId}
        />
      ) : null}
      {!data && !error ? (
        <div className="h-24 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" aria-busy="true" />
      ) : null}
      {data && data.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("history.empty")}</p>
      ) : null}
      {data && data.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="deploy-history">
            <thead className="text-xs text-zinc-500 uppercase dark:text-zinc-400">
              <tr>
                <th className="py-2 pr-3">{t("history.when")}</th>
                <th className="py-2 pr-3">{t("history.who")}</th>
                <th className="py-2 pr-3">{t("history.kind")}</th>
                <th className="py-2 pr-3">{t("history.image")}</th>
                <th className="py-2 pr-3">{t("history.code")}</th>
                <th className="py-2 pr-3">{t("history.outcome")}</th>
                <th className="py-2">{t("history.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr
                  key={d.id}
                  className="border-t border-zinc-100 dark:border-zinc-800"
                  data-testid="deploy-history-row"
                  data-status={d.status}
                  data-live={d.live ? "true" : undefined}
                >
                  <td className="py-2 pr-3 whitespace-nowrap">
                    <RelativeTime iso={d.createdAt} />
                  </td>
                  <td className="py-2 pr-3">{d.createdBy}</td>
                  <td className="py-2 pr-3">{t(`history.kinds.${d.kind}`)}</td>
                  <td className="max-w-64 truncate py-2 pr-3 font-mono text-xs" title={d.imageRef ?? undefined}>
                    {d.imageRef ?? "—"}
                  </td>
                  <td className="py-2 pr-3 font-mono text-xs" title={d.codeHash}>
                    {d.codeHash.slice(0, 8)}
                  </td>
                  <td className="py-2 pr-3">
                    {t(`run.status.${d.status}`)}
                    {d.live ? (
                      <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200">
                        {t("history.live")}
                      </span>
                    ) : null}
                  </td>
                  <td className="flex flex-wrap gap-1 py-2">
                    <Button size="sm" variant="ghost" onClick={() => onView(d.id)}>
                      {t("history.view")}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => onDiff(d.id)}>
                      {t("history.diff")}
                    </Button>
                    {canDeploy && d.status === "succeeded" && !d.live && d.imageRef ? (
                      <Button size="sm" disabled={busy} onClick={() => onRollback(d)}>
                        {t("history.rollback")}
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
