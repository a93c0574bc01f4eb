"use client";

import { useTranslations } from "next-intl";
import { useCallback, useMemo, useState } from "react";
import useSWR from "swr";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { LokiLogsDto } from "@/lib/dto/observability";
import { DebouncedSearch } from "./debounced-search";
import { filterTail, mergeTail, type TailLine } from "./loki-buffer";
import { LiveTailView } from "./live-tail-view";
import { SourceError } from "./source-error";
import { useRetryWhileFailing } from "./use-retry-while-failing";
import { lokiLogsKey } from "@/lib/routes";

/** New lines must show within 5 s: a 2 s poll leaves room for a slow Loki answer. */
export const LIVE_REFRESH_MS = 2_000;
/** Each poll asks for the newest lines; the buffer dedupes the overlap with earlier polls. */
export const LIVE_FETCH_LIMIT = 200;
/** While Loki fails, ask again at this pace rather than every poll. */
const LIVE_RETRY_MS = 5_000;

/** The Loki stream of one function, tailed by polling; its failures stay inside this tab. */
export function LiveTailPanel({ functionId }: { functionId: string }) {
  const t = useTranslations("logs.live");
  const [paused, setPaused] = useState(false);
  const [query, setQuery] = useState("");
  const [buffer, setBuffer] = useState<readonly TailLine[]>([]);
  const { data, error, isLoading, mutate } = useSWR<LokiLogsDto>(lokiLogsKey(functionId, LIVE_FETCH_LIMIT), {
    refreshInterval: paused ? 0 : LIVE_REFRESH_MS,
    revalidateOnFocus: !paused,
    dedupingInterval: LIVE_REFRESH_MS / 2,
    // While paused, answers (a focus revalidation, a retry) are ignored so the view holds still.
    isPaused: () => paused,
    onSuccess: (answer) => setBuffer((prev) => mergeTail(prev, answer.logs)),
  });
  const retry = useCallback(() => void mutate(), [mutate]);
  useRetryWhileFailing(Boolean(error) && !paused, retry, LIVE_RETRY_MS);
  // A remount inside SWR's dedupe window gets the cached answer without a fetch (no onSuccess).
  const lines = useMemo(() => (buffer.length === 0 && data ? mergeTail([], data.logs) : buffer), [buffer, data]);
  const needle = query.trim();
  const visible = useMemo(() => filterTail(lines, needle), [lines, needle]);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <DebouncedSearch
          label={t("filter")}
          placeholder={t("filterPlaceholder")}
          value={query}
          onChange={setQuery}
          delayMs={150}
        />
        <Button onClick={() => setPaused((p) => !p)} aria-pressed={paused}>
          {paused ? t("resume") : t("pause")}
        </Button>
        <p className="flex h-9 items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
          <span
            aria-hidden
            className={
              paused || error ? "h-2 w-2 rounded-full bg-zinc-400" : "h-2 w-2 animate-pulse rounded-full bg-emerald-500"
            }
          />
          {paused
            ? t("paused")
            : error
              ? t("retrying", { seconds: LIVE_RETRY_MS / 1000 })
              : t("following", { seconds: LIVE_REFRESH_MS / 1000 })}
          {lines.length > 0 ? ` · ${t("count", { shown: visible.length, total: lines.length })}` : null}
        </p>
      </div>
      {error ? <SourceError source="live" error={error} onRetry={retry} /> : null}
      {lines.length === 0 ? (
        isLoading || (!data && !error) ? (
          <Skeleton className="h-48 w-full" />
        ) : error ? null : (
          <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
        )
      ) : visible.length === 0 ? (
        <EmptyState title={t("noMatchTitle")} description={t("noMatchDescription", { query: needle })} />
      ) : (
        <LiveTailView lines={visible} query={needle} />
      )}
    </div>
  );
}
