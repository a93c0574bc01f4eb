"use client";

import { useTranslations } from "next-intl";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { ExecutionLogDto, LogsDto } from "@/lib/dto/logs";
import { ExecutionList } from "./execution-list";
import type { FunctionLink } from "./execution-row";
import { SourceError } from "./source-error";

/** Loading, error, empty, no-match or the list: every state of the Executions source, in its own box. */
export function ExecutionResults({
  data,
  error,
  isLoading,
  retry,
  shown,
  emptyDescription,
  functionLinkFor,
}: {
  data: LogsDto | undefined;
  error: unknown;
  isLoading: boolean;
  retry: () => void;
  shown: ExecutionLogDto[];
  emptyDescription: string;
  functionLinkFor?: (log: ExecutionLogDto) => FunctionLink;
}) {
  const t = useTranslations("logs.executions");
  return (
    <div className="space-y-3">
      {error ? <SourceError source="executions" error={error} onRetry={retry} /> : null}
      {!data ? (
        isLoading ? (
          <div className="space-y-2" aria-busy="true" aria-label={t("loading")}>
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} className="h-9 w-full" />
            ))}
          </div>
        ) : null
      ) : data.logs.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={emptyDescription} />
      ) : shown.length === 0 ? (
        <EmptyState title={t("noMatchTitle")} description={t("noMatchDescription")} />
      ) : (
        <>
          <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
            {t("count", { shown: shown.length, loaded: data.logs.length, total: data.total })}
          </p>
          <ExecutionList logs={shown} functionLinkFor={functionLinkFor} />
        </>
      )}
    </div>
  );
}
