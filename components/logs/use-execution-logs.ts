"use client";

import { useCallback, useMemo } from "react";
import useSWR from "swr";
import type { LogsDto } from "@/lib/dto/logs";
import { matchesFilters, newestFirst, searchText, type ExecutionFilters } from "./execution-filters";
import { useRetryWhileFailing } from "./use-retry-while-failing";

export const EXECUTIONS_REFRESH_MS = 5_000;

/**
 * The stored ExecutionLogs behind one of the BFF's logs routes, newest first, with the filters
 * applied in the browser (the backend only takes a limit). Its own SWR key, so its error is its own.
 */
export function useExecutionLogs(url: string, filters: ExecutionFilters) {
  const { data, error, isLoading, isValidating, mutate } = useSWR<LogsDto>(url, {
    refreshInterval: filters.auto ? EXECUTIONS_REFRESH_MS : 0,
    keepPreviousData: true,
  });
  const retry = useCallback(() => void mutate(), [mutate]);
  useRetryWhileFailing(Boolean(error) && filters.auto, retry, EXECUTIONS_REFRESH_MS);

  // The search text is built once per answer, not once per keystroke.
  const indexed = useMemo(() => newestFirst(data?.logs ?? []).map((log) => ({ log, text: searchText(log) })), [data]);
  const { status, level, q } = filters;
  const shown = useMemo(
    () => indexed.filter((x) => matchesFilters(x.log, { status, level, q }, x.text)).map((x) => x.log),
    [indexed, status, level, q],
  );
  return { data, error: error as unknown, isLoading, isValidating, retry, shown };
}
