"use client";

import type { ColumnDef, RowData } from "@tanstack/react-table";
import { Link } from "@/components/ui/link";
import { useFormatter, useTranslations } from "next-intl";
import { type ReactNode, useMemo } from "react";
import { RelativeTime } from "@/components/format/relative-time";
import type { FunctionDto } from "@/lib/dto/function";
import { functionHref } from "@/lib/routes";
import { matchesStatus, type StatusFilter } from "@/lib/functions/list-query";
import { FunctionStatusBadge } from "./function-status-badge";

/** Times sort as instants; a function never deployed has no time and sorts last either way. */
const instant = (iso: string | null) => (iso ? Date.parse(iso) : undefined);
const numeric = "whitespace-nowrap text-right tabular-nums";

/** The function table's columns; ids match `SORTABLE_COLUMNS` so a sort survives in the query string. */
export function useFunctionColumns(rowActions?: (fn: FunctionDto) => ReactNode): ColumnDef<FunctionDto>[] {
  const t = useTranslations("functions");
  const format = useFormatter();
  return useMemo(() => {
    const columns: ColumnDef<FunctionDto>[] = [
      {
        id: "name",
        accessorFn: (f) => f.name,
        header: t("columns.name"),
        meta: { sticky: "left" },
        cell: ({ row: { original: f } }) => (
          <div className="w-32 xl:w-44">
            <Link
              href={functionHref(f.workspaceId, f.id, "code")}
              className="font-medium text-brand-700 hover:underline dark:text-brand-100"
            >
              {f.name}
            </Link>
            {f.description ? (
              <p className="truncate text-xs text-zinc-500 dark:text-zinc-400" title={f.description}>
                {f.description}
              </p>
            ) : null}
          </div>
        ),
      },
      {
        id: "status",
        accessorFn: (f) => f.status,
        header: t("columns.status"),
        cell: ({ row }) => <FunctionStatusBadge status={row.original.status} />,
        meta: { nowrap: true },
        filterFn: (row, _id, value: StatusFilter) => matchesStatus(row.original.status, value),
      },
      // Below 1280 px the runtime and timeout columns (the same for most functions, and on the
      // Settings tab) give way, so errors and durations stay in view without a sideways scroll.
      {
        id: "runtime",
        accessorFn: (f) => f.runtime,
        header: t("columns.runtime"),
        meta: { nowrap: true, className: "hidden xl:table-cell" },
      },
      {
        id: "memory",
        accessorFn: (f) => f.memory,
        header: t("columns.memory"),
        cell: ({ row }) => t("units.memory", { value: format.number(row.original.memory) }),
        meta: { className: numeric },
      },
      {
        id: "timeout",
        accessorFn: (f) => f.timeout,
        header: t("columns.timeout"),
        cell: ({ row }) => t("units.timeout", { value: format.number(row.original.timeout) }),
        meta: { className: `${numeric} hidden xl:table-cell` },
      },
      {
        id: "invocations24h",
        accessorFn: (f) => f.invocations24h,
        header: t("columns.invocations24h"),
        cell: ({ row }) => format.number(row.original.invocations24h),
        meta: { className: numeric },
      },
      {
        id: "errors24h",
        accessorFn: (f) => f.errors24h,
        header: t("columns.errors24h"),
        cell: ({ row: { original: f } }) => (
          <span className={f.errors24h > 0 ? "font-medium text-red-700 dark:text-red-300" : undefined}>
            {format.number(f.errors24h)}
          </span>
        ),
        meta: { className: numeric },
      },
      {
        id: "avgDuration",
        accessorFn: (f) => f.avgDuration,
        header: t("columns.avgDuration"),
        cell: ({ row }) =>
          t("units.duration", { value: format.number(row.original.avgDuration, { maximumFractionDigits: 1 }) }),
        meta: { className: numeric },
      },
      {
        id: "lastModified",
        accessorFn: (f) => instant(f.lastModified),
        header: t("columns.lastModified"),
        cell: ({ row }) => <RelativeTime iso={row.original.lastModified} />,
        sortUndefined: "last",
        meta: { nowrap: true },
      },
      {
        id: "lastDeployed",
        accessorFn: (f) => instant(f.lastDeployed),
        header: t("columns.lastDeployed"),
        cell: ({ row }) => <RelativeTime iso={row.original.lastDeployed} />,
        sortUndefined: "last",
        meta: { nowrap: true },
      },
    ];
    if (rowActions) {
      columns.push({
        id: "actions",
        header: t("columns.actions"),
        enableSorting: false,
        meta: { sticky: "right", nowrap: true },
        cell: ({ row }) => rowActions(row.original),
      });
    }
    return columns;
  }, [t, format, rowActions]);
}

declare module "@tanstack/react-table" {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the type parameters must match TanStack's declaration to merge
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Extra classes for the column's header and cells (numbers align right). */
    className?: string;
    /** Keeps short values such as times on one line. */
    nowrap?: boolean;
    /** Stays in view while the table scrolls sideways (narrow windows): the name, and the row actions. */
    sticky?: "left" | "right";
  }
}
