"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo } from "react";
import type { ExecutionLogDto } from "@/lib/dto/logs";
import { ExecutionFiltersBar } from "./execution-filters-bar";
import { readFilters, writeFilters, type ExecutionFilters } from "./execution-filters";
import { ExecutionResults } from "./execution-results";
import { SelectField } from "@/components/ui/select-field";
import { useExecutionLogs } from "./use-execution-logs";
import { useSearchState } from "./use-search-state";
import { functionExecutionsHref, functionLogsKey, workspaceLogsKey } from "@/lib/routes";

export type WorkspaceFunctionRef = { id: string; name: string };

/**
 * Recent executions across a workspace, newest first. Choosing a function (`?function=`) reads that
 * function's own logs route, so its history is not cut short by the other functions' runs.
 */
export function WorkspaceLogs({
  workspaceId,
  functions,
}: {
  workspaceId: string;
  functions: WorkspaceFunctionRef[] | null;
}) {
  const t = useTranslations("logs");
  const [params, write] = useSearchState();
  const filters = readFilters(params);
  // An id missing from the list (list unavailable, function just created) still filters.
  const selected = params.get("function") ?? "";
  const url = selected
    ? functionLogsKey(workspaceId, selected, filters.limit)
    : workspaceLogsKey(workspaceId, filters.limit);
  const { data, error, isLoading, isValidating, retry, shown } = useExecutionLogs(url, filters);

  const update = (patch: Partial<ExecutionFilters>) => write(writeFilters(params, { ...filters, ...patch }));
  const chooseFunction = (id: string) => {
    const next = new URLSearchParams(params);
    if (id) next.set("function", id);
    else next.delete("function");
    write(next, "push");
  };

  const names = useMemo(() => new Map((functions ?? []).map((f) => [f.id, f.name])), [functions]);
  const options = [
    { value: "", label: t("workspace.allFunctions") },
    ...(functions ?? []).map((f) => ({ value: f.id, label: f.name })),
  ];
  if (selected && !names.has(selected)) options.push({ value: selected, label: selected });

  const functionLinkFor = useCallback(
    (log: ExecutionLogDto) => {
      const name = names.get(log.functionId) ?? log.functionId;
      return {
        name,
        href: functionExecutionsHref(workspaceId, log.functionId),
        label: t("workspace.openFunctionLogs", { name }),
      };
    },
    [names, workspaceId, t],
  );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label={t("workspace.function")} value={selected} onChange={(e) => chooseFunction(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
        <div className="min-w-0 flex-1">
          <ExecutionFiltersBar filters={filters} onChange={update} onRefresh={retry} refreshing={isValidating} />
        </div>
      </div>
      {functions === null ? (
        <p className="text-xs text-amber-700 dark:text-amber-300">{t("workspace.functionsFailed")}</p>
      ) : null}
      <ExecutionResults
        data={data}
        error={error}
        isLoading={isLoading}
        retry={retry}
        shown={shown}
        emptyDescription={t("workspace.emptyDescription")}
        functionLinkFor={functionLinkFor}
      />
    </div>
  );
}
