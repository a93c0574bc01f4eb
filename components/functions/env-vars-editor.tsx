"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useSessionEnded } from "@/components/actions/session-redirect";
import { Fieldset } from "@/components/forms/fieldset";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { isApiError } from "@/lib/api/api-error";
import { fetchJson } from "@/lib/api/fetcher";
import { ENV_MASK, type RevealedEnvVarDto } from "@/lib/dto/function";
import { newEnvRow, type EnvRow } from "@/lib/forms/env-rows";

type Props = {
  rows: EnvRow[];
  onChange: (rows: EnvRow[]) => void;
  /** Messages by row id, already translated, shown under that row's name. */
  rowErrors: Record<string, string[]>;
  /** Messages about the whole set. */
  errors?: string[];
  readOnly?: boolean;
  /** The reveal route of one stored variable, when this user may reveal secrets (Settings tab). */
  revealUrl?: (name: string) => string;
};

const input =
  "block w-full rounded-md border bg-white px-3 py-2 font-mono text-sm shadow-sm disabled:cursor-not-allowed disabled:bg-zinc-100 dark:bg-zinc-950 dark:disabled:bg-zinc-900";
const border = (invalid: boolean) => (invalid ? "border-red-500" : "border-zinc-300 dark:border-zinc-700");

/**
 * A function's environment as name/value rows, for the create form and the Settings tab. A
 * secret-looking stored value arrives masked; it stays masked (and is sent as the mask, which the BFF
 * swaps back for the stored value) unless a developer reveals it (fetched one at a time, audited) or
 * replaces it.
 */
export function EnvVarsEditor({ rows, onChange, rowErrors, errors, readOnly = false, revealUrl }: Props) {
  const t = useTranslations("functions.form.env");
  const sessionEnded = useSessionEnded();
  const [revealing, setRevealing] = useState<string | null>(null);
  const update = (id: string, patch: Partial<EnvRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  async function reveal(row: EnvRow, url: (name: string) => string) {
    if (!row.loadedName) return;
    setRevealing(row.id);
    try {
      const { value } = await fetchJson<RevealedEnvVarDto>(url(row.loadedName));
      update(row.id, { masked: false, revealed: value, value });
    } catch (err) {
      if (isApiError(err) && err.code === "UNAUTHENTICATED") sessionEnded();
      else
        toast.error(t("revealFailed", { name: row.loadedName, message: isApiError(err) ? err.message : String(err) }));
    } finally {
      setRevealing(null);
    }
  }

  return (
    <Fieldset
      id="environmentVariables"
      legend={t("legend")}
      hint={rows.some((r) => r.masked) ? t("maskedHint") : t("hint")}
      errors={errors}
    >
      {rows.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p> : null}
      <ul className="space-y-2">
        {rows.map((row, i) => {
          const problems = rowErrors[row.id] ?? [];
          const invalid = problems.length > 0;
          const errorId = `${row.id}-error`;
          const name = row.name.trim();
          return (
            <li
              key={row.id}
              data-testid={`env-row-${row.loadedName ?? row.id}`}
              className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-start gap-2"
            >
              <div>
                <input
                  aria-label={t("nameLabel", { n: i + 1 })}
                  placeholder={t("namePlaceholder")}
                  className={cn(input, border(invalid))}
                  value={row.name}
                  disabled={readOnly}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={invalid || undefined}
                  aria-describedby={errorId}
                  onChange={(e) => update(row.id, { name: e.target.value })}
                />
                <div id={errorId} aria-live="polite">
                  {problems.map((p) => (
                    <p key={p} className="mt-1 text-xs text-red-700 dark:text-red-300">
                      {p}
                    </p>
                  ))}
                </div>
              </div>
              <input
                aria-label={name ? t("valueLabel", { name }) : t("valueLabelN", { n: i + 1 })}
                placeholder={t("valuePlaceholder")}
                className={cn(input, border(false))}
                value={row.masked ? ENV_MASK : row.value}
                readOnly={row.masked}
                disabled={readOnly}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => update(row.id, { value: e.target.value })}
              />
              <div className="flex gap-1">
                {row.masked && revealUrl ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => void reveal(row, revealUrl)}
                    disabled={revealing === row.id}
                  >
                    {revealing === row.id ? t("revealing") : t("reveal")}
                  </Button>
                ) : null}
                {row.masked && !readOnly ? (
                  <Button size="sm" variant="ghost" onClick={() => update(row.id, { masked: false, value: "" })}>
                    {t("replace")}
                  </Button>
                ) : null}
                {!readOnly ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={name ? t("remove", { n: i + 1, name }) : t("removeRow", { n: i + 1 })}
                    onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                  >
                    {t("removeShort")}
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {!readOnly ? (
        <Button size="sm" onClick={() => onChange([...rows, newEnvRow()])}>
          {t("add")}
        </Button>
      ) : null}
    </Fieldset>
  );
}
