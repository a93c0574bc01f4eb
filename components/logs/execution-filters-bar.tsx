"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { DebouncedSearch } from "./debounced-search";
import { LEVEL_FILTERS, LIMIT_OPTIONS, oneOf, STATUS_FILTERS, type ExecutionFilters } from "./execution-filters";
import { SelectField } from "@/components/ui/select-field";

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
        onChange={(e) => onChange({ status: oneOf(STATUS_FILTERS, e.target.value, "all") })}
      >
        {STATUS_FILTERS.map((v) => (
          <option key={v} value={v}>
            {t(`statusOptions.${v}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t("filters.level")}
        value={filters.level}
        onChange={(e) => onChange({ level: oneOf(LEVEL_FILTERS, e.target.value, "all") })}
      >
        {LEVEL_FILTERS.map((v) => (
          <option key={v} value={v}>
            {t(`levelOptions.${v}`)}
          </option>
        ))}
      </SelectField>
      <DebouncedSearch
        label={t("filters.search")}
        placeholder={t("filters.searchPlaceholder")}
        value={filters.q}
        onChange={(q) => onChange({ q })}
      />
      <SelectField
        label={t("filters.limit")}
        value={String(filters.limit)}
        onChange={(e) => onChange({ limit: Number(e.target.value) })}
      >
        {LIMIT_OPTIONS.map((n) => (
          <option key={n} value={String(n)}>
            {t("filters.limitOption", { count: n })}
          </option>
        ))}
      </SelectField>
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
