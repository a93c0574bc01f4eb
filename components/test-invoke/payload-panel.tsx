"use client";

import { useTranslations } from "next-intl";
import { LazyCodeEditor } from "@/components/editor/lazy-editors";
import { Button } from "@/components/ui/button";
import type { JsonCheck } from "./json-check";

type PayloadPanelProps = {
  opened: { text: string; epoch: number };
  check: JsonCheck;
  canInvoke: boolean;
  running: boolean;
  onChange: (text: string) => void;
  /** Runs the payload; from the editor's shortcut it is given the editor's text at that instant. */
  onInvoke: (current?: string) => void;
};

/** The request body: Monaco in JSON mode, where it breaks when it is not JSON, and the Invoke button. */
export function PayloadPanel({ opened, check, canInvoke, running, onChange, onInvoke }: PayloadPanelProps) {
  const t = useTranslations("testInvoke.payload");
  return (
    <section aria-labelledby="payload-title" className="space-y-2">
      <h2 id="payload-title" className="text-sm font-medium">
        {t("title")}
      </h2>
      <div
        className="h-[40vh] overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800"
        data-testid="payload-editor"
      >
        <LazyCodeEditor
          key={opened.epoch}
          initialValue={opened.text}
          language="json"
          ariaLabel={t("editorLabel")}
          onChange={onChange}
          shortcuts={canInvoke ? { run: (value) => onInvoke(value) } : undefined}
        />
      </div>
      <p
        id="payload-check"
        role="status"
        data-testid="payload-check"
        className={
          check.ok ? "text-xs text-emerald-700 dark:text-emerald-300" : "text-xs text-red-700 dark:text-red-300"
        }
      >
        {check.ok
          ? t("valid")
          : check.problem.reason === "empty"
            ? t("empty")
            : t("invalid", { line: check.problem.line, column: check.problem.column, detail: check.problem.detail })}
      </p>
      {canInvoke ? (
        <div className="flex items-center gap-3">
          <Button
            variant="primary"
            onClick={() => onInvoke()}
            disabled={!check.ok || running}
            aria-busy={running}
            aria-describedby="payload-check"
            aria-keyshortcuts="Control+Enter Meta+Enter"
          >
            {running ? t("running") : t("invoke")}
            <kbd className="hidden rounded border border-white/30 px-1 text-[10px] font-normal sm:inline">
              {t("shortcut")}
            </kbd>
          </Button>
        </div>
      ) : (
        <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
          {t("cannotInvoke")}
        </p>
      )}
    </section>
  );
}
