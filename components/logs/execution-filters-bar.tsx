"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DebouncedSearch } from "./debounced-search";
import { LEVEL_FILTERS, LIMIT_OPTIONS, STATUS_FILTERS, type ExecutionFilters } from "./execution-filters";
import { SelectField } from "./select-field";

export function ExecutionFiltersBar({
  filters,
  onChange,
  onRefresh,
  refreshing,
}: {
  filters: ExecutionFilters;
  onChange: (patch: Partial<ExecutionFilters>) => void;
  onRefresh: () => void;
  refreshing: boolean;
}) {
  const t = useTranslations("logs.executions");
  return (
    <div role="group" aria-label={t("filters.label")} className="flex flex-wrap items-end gap-3">
      <SelectField
        label={t("filters.status")}
        value={filters.status}
        options={STATUS_FILTERS.map((v) => ({ value: v, label: t(`statusOptions.${v}`) }))}
        onChange={(status) => onChange({ status })}
      />
      <SelectField
        label={t("filters.level")}
        value={filters.level}
        options={LEVEL_FILTERS.map((v) => ({ value: v, label: t(`levelOptions.${v}`) }))}
        onChange={(level) => onChange({ level })}
      />
      <DebouncedSearch
        label={t("filters.search")}
        placeholder={t("filters.searchPlaceholder")}
        value={filters.q}
        onChange={(q) => onChange({ q })}
      />
      <SelectField
        label={t("filters.limit")}
        value={String(filters.limit)}
        options={LIMIT_OPTIONS.map((n) => ({ value: String(n), label: t("filters.limitOption", { count: n }) }))}
        onChange={(limit) => onChange({ limit: Number(limit) })}
      />
      <label className="flex h-9 items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={filters.auto}
          onChange={(e) => onChange({ auto: e.target.checked })}
          className="h-4 w-4"
        />
        {t("filters.autoRefresh")}
      </label>
      {/* Never disabled: auto-refresh would make it flicker every few seconds. */}
      <Button size="md" onClick={onRefresh} aria-busy={refreshing}>
        {t("filters.refresh")}
      </Button>
    </div>
  );
}
