"use client";

import { useFormatter, useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { HistoryEntry } from "./invoke-store";
import { kstText } from "@/components/format/kst-time";

type HistoryListProps = {
  entries: HistoryEntry[];
  selectedId: string | null;
  kept: boolean;
  canRun: boolean;
  onOpen: (entry: HistoryEntry) => void;
  onRerun: (entry: HistoryEntry) => void;
  onClear: () => void;
};

/** This browser tab's runs of this function, newest first: open one to see it again, or run it again. */
export function HistoryList({ entries, selectedId, kept, canRun, onOpen, onRerun, onClear }: HistoryListProps) {
  const t = useTranslations("testInvoke.history");
  const format = useFormatter();
  return (
    <section aria-labelledby="invoke-history" className="space-y-2">
      <div className="flex items-center justify-between">
        <h2 id="invoke-history" className="text-sm font-medium">
          {t("title")}
        </h2>
        {entries.length > 0 ? (
          <Button size="sm" variant="ghost" onClick={onClear}>
            {t("clear")}
          </Button>
        ) : null}
      </div>
      {!kept ? <p className="text-xs text-amber-700 dark:text-amber-300">{t("notKept")}</p> : null}
      {entries.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <ol
          className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          data-testid="invoke-history"
        >
          {entries.map((e) => {
            const label = e.outcome.kind === "response" ? String(e.outcome.status) : e.outcome.code;
            const good = e.outcome.kind === "response" && e.outcome.status < 400;
            return (
              <li
                key={e.id}
                className={cn(
                  "flex items-center gap-3 px-3 py-1.5 text-sm",
                  e.id === selectedId && "bg-brand-50 dark:bg-zinc-800",
                )}
              >
                <span
                  className={cn(
                    "max-w-40 shrink-0 truncate font-mono text-xs",
                    good ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300",
                  )}
                >
                  {label}
                </span>
                <span className="shrink-0 text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
                  {kstText(e.at)}
                </span>
                <span className="shrink-0 text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400">
                  {t("duration", { ms: format.number(e.outcome.durationMs) })}
                </span>
                <code className="min-w-0 flex-1 truncate text-xs text-zinc-600 dark:text-zinc-400" title={e.payload}>
                  {e.payload.replace(/\s+/g, " ")}
                </code>
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => onOpen(e)}
                  aria-label={t("openLabel", { time: kstText(e.at) })}
                >
                  {t("open")}
                </Button>
                {canRun ? (
                  <Button size="sm" variant="ghost" onClick={() => onRerun(e)}>
                    {t("rerun")}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
