"use client";

import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  type SortingState,
  useReactTable,
} from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type KeyboardEvent, type MouseEvent, type ReactNode, useMemo } from "react";
import { cn } from "@/components/ui/cn";
import type { FunctionDto } from "@/lib/dto/function";
import {
  matchesFunctionText,
  type FunctionListQuery,
  type FunctionSort,
  type SortableColumn,
} from "@/lib/functions/list-query";
import { functionHref } from "@/lib/routes";
import { useFunctionColumns } from "./function-columns";

type FunctionTableProps = {
  functions: FunctionDto[];
  query: FunctionListQuery;
  onSortChange: (sort: FunctionSort | null) => void;
  /** Rendered when filters leave no row. */
  noMatches: ReactNode;
  rowActions?: (fn: FunctionDto) => ReactNode;
};

const ariaSort = { asc: "ascending", desc: "descending" } as const;

/** Sticky cells need an opaque background that follows the row's hover and focus colours. */
const stickyClass = {
  left: "sticky left-0 z-10 border-r border-zinc-100 dark:border-zinc-800",
  right: "sticky right-0 z-10 border-l border-zinc-100 dark:border-zinc-800",
} as const;
const stickyBody =
  "bg-white group-hover:bg-zinc-50 group-focus:bg-brand-50 dark:bg-zinc-900 dark:group-hover:bg-zinc-800 dark:group-focus:bg-zinc-800";

/**
 * The workspace's functions (TanStack Table). Sort and filters come from the caller, which keeps them
 * in the query string. A row opens its function on click or on Enter; its name is a real link too, so
 * middle-click, "open in new tab" and screen-reader link lists work as on any page.
 */
export function FunctionTable({ functions, query, onSortChange, noMatches, rowActions }: FunctionTableProps) {
  const t = useTranslations("functions.list");
  const router = useRouter();
  const columns = useFunctionColumns(rowActions);
  // Stable arrays: TanStack memoizes its row models on state identity, and a new array per render
  // would recompute them (and fire their change hooks) on every render.
  const sorting = useMemo<SortingState>(() => (query.sort ? [query.sort] : []), [query.sort]);
  const columnFilters = useMemo(
    () => (query.status === "all" ? [] : [{ id: "status", value: query.status }]),
    [query.status],
  );
  // No React Compiler in this project; TanStack's table instance is meant to be read afresh each render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data: functions,
    columns,
    state: { sorting, globalFilter: query.q, columnFilters },
    // There are no pages: without this, every filter or sort change schedules a page-index reset that
    // re-renders the table once more.
    autoResetPageIndex: false,
    getRowId: (f) => f.id,
    onSortingChange: (updater) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first ? { id: first.id as SortableColumn, desc: first.desc } : null);
    },
    // The text filter is about the row (name or description), whichever column TanStack asks about.
    globalFilterFn: (row, _columnId, value: string) => matchesFunctionText(row.original, value),
    getColumnCanGlobalFilter: (column) => column.id === "name",
    enableMultiSort: false,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  const rows = table.getRowModel().rows;

  // Events from portalled dialogs (a row's delete confirmation) bubble through React to the row:
  // only clicks inside the row's own DOM, outside links and buttons, open the function.
  const onRowClick = (e: MouseEvent<HTMLTableRowElement>, fn: FunctionDto) => {
    const target = e.target as HTMLElement;
    if (!e.currentTarget.contains(target) || target.closest("a, button, input, select, textarea, label")) return;
    router.push(functionHref(fn.workspaceId, fn.id, "code"));
  };
  const onRowKeyDown = (e: KeyboardEvent<HTMLTableRowElement>, fn: FunctionDto) => {
    if (e.key === "Enter" && e.target === e.currentTarget) router.push(functionHref(fn.workspaceId, fn.id, "code"));
  };

  return (
    <div className="space-y-3">
      <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="border-b border-zinc-200 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const label = flexRender(header.column.columnDef.header, header.getContext());
                  const meta = header.column.columnDef.meta;
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      aria-sort={header.column.getCanSort() ? (sorted ? ariaSort[sorted] : "none") : undefined}
                      className={cn(
                        // keep-all: Korean labels wrap between words, not between syllables.
                        "break-keep px-2 py-2 align-bottom font-medium",
                        meta?.sticky && cn(stickyClass[meta.sticky], "bg-white dark:bg-zinc-900"),
                        meta?.className,
                      )}
                    >
                      {header.column.getCanSort() ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex max-w-28 items-end gap-1 rounded text-left hover:text-zinc-900 dark:hover:text-zinc-100"
                        >
                          {label}
                          <span aria-hidden className={cn("text-[10px]", !sorted && "opacity-30")}>
                            {sorted === "desc" ? "▼" : "▲"}
                          </span>
                        </button>
                      ) : (
                        label
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {rows.map((row) => (
              <tr
                key={row.id}
                tabIndex={0}
                aria-label={t("open", { name: row.original.name })}
                onClick={(e) => onRowClick(e, row.original)}
                onKeyDown={(e) => onRowKeyDown(e, row.original)}
                className="group cursor-pointer hover:bg-zinc-50 focus:bg-brand-50 focus:outline-none dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
              >
                {row.getVisibleCells().map((cell) => {
                  const meta = cell.column.columnDef.meta;
                  return (
                    <td
                      key={cell.id}
                      className={cn(
                        "px-2 py-2 align-middle",
                        meta?.nowrap && "whitespace-nowrap",
                        meta?.sticky && cn(stickyClass[meta.sticky], stickyBody),
                        meta?.className,
                      )}
                    >
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 ? noMatches : null}
      <p aria-live="polite" className="text-sm text-zinc-500 dark:text-zinc-400">
        {t("results", { shown: rows.length, total: functions.length })}
      </p>
    </div>
  );
}
