"use client";

import { useTranslations } from "next-intl";
import { Fieldset } from "@/components/forms/fieldset";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { EnvRow } from "@/lib/forms/env-rows";

type Props = {
  rows: EnvRow[];
  onChange: (rows: EnvRow[]) => void;
  /** Messages by row id, shown under that row's name. */
  rowErrors: Record<string, string[]>;
  errors?: string[];
};

const input = "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm dark:bg-zinc-950";
const border = (invalid: boolean) => (invalid ? "border-red-500" : "border-zinc-300 dark:border-zinc-700");

let counter = 0;
/** A fresh row; ids only need to be unique within this page. */
export function newEnvRow(key = "", value = ""): EnvRow {
  counter += 1;
  return { id: `env-${counter}`, key, value };
}

/** Name/value rows for a function's environment; add and remove freely, problems show per row. */
export function EnvVarsEditor({ rows, onChange, rowErrors, errors }: Props) {
  const t = useTranslations("functions.form.env");
  const set = (id: string, patch: Partial<EnvRow>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  return (
    <Fieldset id="environmentVariables" legend={t("legend")} hint={t("hint")} errors={errors}>
      {rows.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p> : null}
      <ul className="space-y-2">
        {rows.map((row, i) => {
          const problems = rowErrors[row.id];
          const invalid = !!problems?.length;
          const errorId = `${row.id}-error`;
          return (
            <li key={row.id} className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-start gap-2">
              <div>
                <input
                  aria-label={t("keyLabel", { n: i + 1 })}
                  placeholder={t("key")}
                  className={cn(input, border(invalid), "font-mono")}
                  value={row.key}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={invalid || undefined}
                  aria-describedby={errorId}
                  onChange={(e) => set(row.id, { key: e.target.value })}
                />
                <div id={errorId} aria-live="polite">
                  {problems?.map((p) => (
                    <p key={p} className="mt-1 text-xs text-red-700 dark:text-red-300">
                      {p}
                    </p>
                  ))}
                </div>
              </div>
              <input
                aria-label={t("valueLabel", { n: i + 1 })}
                placeholder={t("value")}
                className={cn(input, border(false), "font-mono")}
                value={row.value}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set(row.id, { value: e.target.value })}
              />
              <Button
                variant="ghost"
                aria-label={
                  row.key.trim() ? t("remove", { n: i + 1, name: row.key.trim() }) : t("removeRow", { n: i + 1 })
                }
                onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
              >
                {t("removeShort")}
              </Button>
            </li>
          );
        })}
      </ul>
      <Button size="sm" onClick={() => onChange([...rows, newEnvRow()])}>
        {t("add")}
      </Button>
    </Fieldset>
  );
}
