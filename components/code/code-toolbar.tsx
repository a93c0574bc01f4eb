"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

type CodeToolbarProps = {
  canEdit: boolean;
  dirty: boolean;
  saving: boolean;
  showDiff: boolean;
  onToggleDiff: () => void;
  onDiscard: () => void;
  onSave: () => void;
  /** Ruff's Format Document; absent until the editor is ready. */
  onFormat?: () => void;
  /** Further actions after Save (the Deploy button). */
  extra?: ReactNode;
};

export function CodeToolbar({
  canEdit,
  dirty,
  saving,
  showDiff,
  onToggleDiff,
  onDiscard,
  onSave,
  onFormat,
  extra,
}: CodeToolbarProps) {
  const t = useTranslations("code.toolbar");
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <div className="flex items-center gap-2 text-sm" aria-live="polite">
        {!canEdit ? (
          <span className="rounded bg-zinc-100 px-2 py-0.5 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
            {t("readOnly")}
          </span>
        ) : dirty ? (
          <span
            data-testid="dirty-marker"
            className="flex items-center gap-1.5 font-medium text-amber-700 dark:text-amber-300"
          >
            <span aria-hidden className="h-2 w-2 rounded-full bg-amber-500" />
            {t("unsaved")}
          </span>
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">{t("saved")}</span>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button
          size="sm"
          variant="ghost"
          className="disabled:opacity-50"
          aria-pressed={showDiff}
          onClick={onToggleDiff}
          disabled={!dirty && !showDiff}
        >
          {showDiff ? t("hideChanges") : t("showChanges")}
        </Button>
        {canEdit ? (
          <>
            <Button
              size="sm"
              variant="ghost"
              className="disabled:opacity-50"
              onClick={onFormat}
              disabled={!onFormat || showDiff || saving}
              aria-keyshortcuts="Shift+Alt+F"
            >
              {t("format")}
              <kbd className="hidden rounded border border-zinc-300 px-1 text-[10px] font-normal sm:inline dark:border-zinc-600">
                {t("formatShortcut")}
              </kbd>
            </Button>
            <Button size="sm" className="disabled:opacity-50" onClick={onDiscard} disabled={!dirty || saving}>
              {t("discard")}
            </Button>
            <Button
              size="sm"
              variant="primary"
              onClick={onSave}
              disabled={!dirty || saving}
              aria-busy={saving}
              aria-keyshortcuts="Control+S Meta+S"
            >
              {saving ? t("saving") : t("save")}
              <kbd className="hidden rounded border border-white/30 px-1 text-[10px] font-normal sm:inline">
                {t("saveShortcut")}
              </kbd>
            </Button>
          </>
        ) : null}
        {extra}
      </div>
    </div>
  );
}
