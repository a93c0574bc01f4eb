"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useState } from "react";
import { replaceQuery } from "@/components/navigation/replace-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchInput } from "@/components/ui/search-input";
import type { FunctionDto } from "@/lib/dto/function";
import {
  parseFunctionListQuery,
  STATUS_FILTERS,
  writeFunctionListQuery,
  type FunctionListQuery,
  type StatusFilter,
} from "@/lib/functions/list-query";
import { FunctionTable } from "./function-table";

type FunctionListProps = {
  functions: FunctionDto[];
  /** Shown in the empty state of a workspace without functions (e.g. a "New function" link). */
  emptyAction?: ReactNode;
  rowActions?: (fn: FunctionDto) => ReactNode;
};

/** Filters and sort of the function table, kept in the query string (`?q=…&status=…&sort=…`). */
export function FunctionList({ functions, emptyAction, rowActions }: FunctionListProps) {
  const t = useTranslations("functions");
  const params = useSearchParams();
  const [query, setQuery] = useState<FunctionListQuery>(() => parseFunctionListQuery(params));

  const update = (patch: Partial<FunctionListQuery>) => {
    const next = { ...query, ...patch };
    setQuery(next);
    replaceQuery(writeFunctionListQuery(new URLSearchParams(window.location.search), next));
  };

  if (functions.length === 0) {
    return <EmptyState title={t("list.emptyTitle")} description={t("list.emptyDescription")} action={emptyAction} />;
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <SearchInput
          label={t("list.filterLabel")}
          placeholder={t("list.filterPlaceholder")}
          value={query.q}
          onChange={(e) => update({ q: e.target.value })}
          className="w-full max-w-xs"
        />
        <label className="flex items-center gap-2 text-sm">
          <span>{t("list.statusLabel")}</span>
          <select
            className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
            value={query.status}
            onChange={(e) => update({ status: e.target.value as StatusFilter })}
          >
            {STATUS_FILTERS.map((s) => (
              <option key={s} value={s}>
                {s === "all" ? t("list.statusAll") : t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FunctionTable
        functions={functions}
        query={query}
        onSortChange={(sort) => update({ sort })}
        rowActions={rowActions}
        noMatches={
          <EmptyState
            title={t("list.noMatchesTitle")}
            description={t("list.noMatchesDescription")}
            action={<Button onClick={() => update({ q: "", status: "all" })}>{t("list.clearFilters")}</Button>}
          />
        }
      />
    </div>
  );
}
