"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import type { ExecutionLogDto } from "@/lib/dto/logs";
import { ExecutionRow, FUNCTION_COLUMN, ROW_GRID, type FunctionLink } from "./execution-row";

const ROW_ESTIMATE = 41;

/**
 * Execution rows, virtualized: only the rows in view (plus a margin) are in the DOM, so 1000 rows
 * scroll smoothly. Rows are measured after render because an expanded row is much taller.
 */
export function ExecutionList({
  logs,
  functionLinkFor,
}: {
  logs: ExecutionLogDto[];
  functionLinkFor?: (log: ExecutionLogDto) => FunctionLink;
}) {
  const t = useTranslations("logs.executions.columns");
  const scrollRef = useRef<HTMLDivElement>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const toggle = useCallback((id: string) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design; this component is not memoized.
  const virtualizer = useVirtualizer({
    count: logs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    getItemKey: (index) => logs[index]!.id,
    overscan: 12,
  });

  return (
    <div className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div
        className="flex border-b border-zinc-200 text-xs font-medium uppercase text-zinc-500 dark:border-zinc-800 dark:text-zinc-400"
        aria-hidden
      >
        <div className={cn(ROW_GRID, "min-w-0 flex-1 px-4 py-2")}>
          <span className="pl-4">{t("time")}</span>
          <span>{t("status")}</span>
          <span>{t("statusCode")}</span>
          <span className="text-right">{t("duration")}</span>
          <span>{t("level")}</span>
          <span>{t("summary")}</span>
        </div>
        {functionLinkFor ? <span className={cn(FUNCTION_COLUMN, "px-3 py-2")}>{t("function")}</span> : null}
      </div>
      <div ref={scrollRef} className="max-h-[min(65vh,36rem)] overflow-auto" data-testid="execution-scroller">
        <ul className="relative w-full" style={{ height: virtualizer.getTotalSize() }} aria-label={t("listLabel")}>
          {virtualizer.getVirtualItems().map((item) => {
            const log = logs[item.index]!;
            return (
              <li
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="absolute top-0 left-0 w-full"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <ExecutionRow
                  log={log}
                  expanded={expanded.has(log.id)}
                  onToggle={toggle}
                  functionLink={functionLinkFor?.(log)}
                />
              </li>
            );
          })}
        </ul>
      </div>
    </div>
  );
}
