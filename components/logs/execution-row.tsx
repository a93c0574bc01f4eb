"use client";

import { Link } from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { ExecutionLogDto } from "@/lib/dto/logs";
import { ExecutionDetails } from "./execution-details";
import { ExecutionStatusBadge, LevelBadge } from "./execution-badges";
import { executionSummary } from "./execution-summary";
import { formatIsoKst } from "./kst-format";

/** Time, status, code, duration, level, output: shared by the header and every row. */
export const ROW_GRID = "grid grid-cols-[10.5rem_5.5rem_3.5rem_5.5rem_4.5rem_minmax(0,1fr)] items-center gap-x-3";
/** The workspace view adds the function, outside the row's button so the link stays its own control. */
export const FUNCTION_COLUMN = "w-40 shrink-0";

export type FunctionLink = { name: string; href: string; label: string };

/** One execution: a button (Enter/Space) that expands to the bodies and log lines. */
export function ExecutionRow({
  log,
  expanded,
  onToggle,
  functionLink,
}: {
  log: ExecutionLogDto;
  expanded: boolean;
  onToggle: (id: string) => void;
  functionLink?: FunctionLink;
}) {
  const format = useFormatter();
  const t = useTranslations("logs.executions");
  const detailsId = `execution-${log.id}`;
  return (
    <div
      className={cn("border-b border-zinc-100 dark:border-zinc-800", expanded && "bg-zinc-50/60 dark:bg-zinc-800/30")}
      data-testid="execution-row"
    >
      <div className="flex items-stretch">
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={expanded ? detailsId : undefined}
          onClick={() => onToggle(log.id)}
          className={cn(
            ROW_GRID,
            "min-w-0 flex-1 px-4 py-2 text-left text-sm hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600 dark:hover:bg-zinc-800/50",
          )}
        >
          <span className="flex items-center gap-1 font-mono text-xs tabular-nums whitespace-nowrap">
            <span aria-hidden className={cn("inline-block transition-transform", expanded && "rotate-90")}>
              ▸
            </span>
            <time dateTime={log.timestamp}>{formatIsoKst(log.timestamp)}</time>
          </span>
          <span>
            <ExecutionStatusBadge status={log.status} />
          </span>
          <span className="font-mono text-xs tabular-nums">{log.statusCode}</span>
          <span className="text-right text-xs tabular-nums whitespace-nowrap">
            {t("durationMs", { ms: format.number(log.duration, { maximumFractionDigits: 1 }) })}
          </span>
          <span>
            <LevelBadge level={log.level} />
          </span>
          <span className="truncate font-mono text-xs text-zinc-600 dark:text-zinc-400">{executionSummary(log)}</span>
        </button>
        {functionLink ? (
          <span className={cn(FUNCTION_COLUMN, "flex items-center truncate px-3 text-sm")}>
            <Link
              href={functionLink.href}
              className="truncate text-brand-700 hover:underline dark:text-brand-100"
              aria-label={functionLink.label}
              title={functionLink.name}
            >
              {functionLink.name}
            </Link>
          </span>
        ) : null}
      </div>
      {expanded ? <ExecutionDetails log={log} id={detailsId} /> : null}
    </div>
  );
}
