"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useSessionEnded } from "@/components/actions/session-redirect";
import { Button } from "@/components/ui/button";
import { isApiError } from "@/lib/api/api-error";
import { fetchJson } from "@/lib/api/fetcher";
import { ENV_MASK, type RevealedEnvVarDto } from "@/lib/dto/function";
import { newRowId, type EnvRow } from "./settings-model";

type EnvVarsEditorProps = {
  rows: EnvRow[];
  onChange: (rows: EnvRow[]) => void;
  /** Messages by row id, already translated. */
  errors: Record<string, string[]>;
  readOnly: boolean;
  canReveal: boolean;
  /** The reveal route for one variable name. */
  revealUrl: (name: string) => string;
};

const input =
  "block w-full rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 font-mono text-sm shadow-sm disabled:cursor-not-allowed disabled:bg-zinc-100 aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-950 dark:disabled:bg-zinc-900";

/**
 * Environment variables as editable rows. A secret-looking value arrives masked; it stays masked (and
 * is sent as the mask, which the BFF swaps back for the stored value) unless a developer reveals it
 * (fetched one at a time, audited) or replaces it.
 */
export function EnvVarsEditor({ rows, onChange, errors, readOnly, canReveal, revealUrl }: EnvVarsEditorProps) {
  const t = useTranslations("functionSettings.env");
  const sessionEnded = useSessionEnded();
  const [revealing, setRevealing] = useState<string | null>(null);
  const update = (id: string, patch: Partial<EnvRow>) =>
    onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));

  async function reveal(row: EnvRow) {
    if (!row.loadedName) return;
    setRevealing(row.id);
    try {
      const { value } = await fetchJson<RevealedEnvVarDto>(revealUrl(row.loadedName));
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
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{t("legend")}</legend>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("hint")}</p>
      {rows.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p> : null}
      <ul className="space-y-2">
        {rows.map((row, i) => {
          const rowErrors = errors[row.id] ?? [];
          const errorId = `${row.id}-error`;
          return (
            <li key={row.id} data-testid={`env-row-${row.loadedName ?? row.id}`} className="space-y-1">
              <div className="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-center gap-2">
                <input
                  className={input}
                  aria-label={t("nameLabel", { n: i + 1 })}
                  aria-invalid={rowErrors.length > 0 || undefined}
                  aria-describedby={errorId}
                  value={row.name}
                  placeholder="NAME"
                  disabled={readOnly}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => update(row.id, { name: e.target.value })}
                />
                <input
                  className={input}
                  aria-label={t("valueLabel", { name: row.name || i + 1 })}
                  value={row.masked ? ENV_MASK : row.value}
                  readOnly={row.masked}
                  disabled={readOnly}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => update(row.id, { value: e.target.value })}
                />
                <div className="flex gap-1">
                  {row.masked && canReveal ? (
                    <Button size="sm" variant="ghost" onClick={() => void reveal(row)} disabled={revealing === row.id}>
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
                      aria-label={t("remove", { name: row.name || i + 1 })}
                      onClick={() => onChange(rows.filter((r) => r.id !== row.id))}
                    >
                      ✕
                    </Button>
                  ) : null}
                </div>
              </div>
              <div id={errorId} aria-live="polite">
                {rowErrors.map((e) => (
                  <p key={e} className="text-xs text-red-700 dark:text-red-300">
                    {e}
                  </p>
                ))}
              </div>
            </li>
          );
        })}
      </ul>
      {!readOnly ? (
        <Button
          size="sm"
          onClick={() => onChange([...rows, { id: newRowId(), name: "", value: "", masked: false, loadedName: null }])}
        >
          {t("add")}
        </Button>
      ) : null}
    </fieldset>
  );
}
