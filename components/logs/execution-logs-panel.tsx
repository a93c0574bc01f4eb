"use client";

import { useTranslations } from "next-intl";
import { ExecutionFiltersBar } from "./execution-filters-bar";
import { readFilters, writeFilters, type ExecutionFilters } from "./execution-filters";
import { ExecutionResults } from "./execution-results";
import { useExecutionLogs } from "./use-execution-logs";
import { useSearchState } from "./use-search-state";
import { functionLogsKey } from "@/lib/routes";

/** The function's stored executions (DynamoDB on the real platform), filtered from the query string. */
export function ExecutionLogsPanel({ workspaceId, functionId }: { workspaceId: string; functionId: string }) {
  const t = useTranslations("logs.executions");
  const [params, write] = useSearchState();
  const filters = readFilters(params);
  const url = functionLogsKey(workspaceId, functionId, filters.limit);
  const { data, error, isLoading, isValidating, retry, shown } = useExecutionLogs(url, filters);
  const update = (patch: Partial<ExecutionFilters>) => write(writeFilters(params, { ...filters, ...patch }));
  return (
    <div className="space-y-4">
      <ExecutionFiltersBar filters={filters} onChange={update} onRefresh={retry} refreshing={isValidating} />
      <ExecutionResults
        data={data}
        error={error}
        isLoading={isLoading}
        retry={retry}
        shown={shown}
        emptyDescription={t("emptyDescription")}
      />
    </div>
  );
}
