"use client";

import { useTranslations } from "next-intl";
import useSWR from "swr";
import { LazyDiffView } from "@/components/editor/lazy-editors";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { ApiError } from "@/lib/api/api-error";
import { fetchJson } from "@/lib/api/fetcher";
import { deploymentCodeKey } from "@/lib/routes";

/** The code a deployment was built from (left) against the function's saved code (right). */
export function DeployedCodeDiff({
  workspaceId,
  functionId,
  deploymentId,
  savedCode,
  onClose,
}: {
  workspaceId: string;
  functionId: string;
  deploymentId: string;
  savedCode: string;
  onClose: () => void;
}) {
  const t = useTranslations("ship.diff");
  const { data, error } = useSWR<{ code: string }, ApiError>(
    deploymentCodeKey(workspaceId, functionId, deploymentId),
    fetchJson,
  );
  return (
    <section aria-label={t("title")} className="space-y-2" data-testid="deployed-code-diff">
      <div className="flex items-center justify-between">
        <h2 className="text-lg font-semibold">{t("title")}</h2>
        <Button size="sm" variant="ghost" onClick={onClose}>
          {t("close")}
        </Button>
      </div>
      {error ? (
        <ErrorPanel title={t("loadFailed")} message={error.message} code={error.code} requestId={error.requestId} />
      ) : null}
      {data ? (
        <div className="h-[40vh] overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800">
          <LazyDiffView original={data.code} modified={savedCode} language="python" ariaLabel={t("label")} />
        </div>
      ) : null}
    </section>
  );
}
