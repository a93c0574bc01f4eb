"use client";

import { useFormatter, useTranslations } from "next-intl";
import type { EditorCursor, EditorEol } from "@/components/editor/code-editor";

type CodeStatusBarProps = {
  cursor: EditorCursor | null;
  bytes: number;
  bom: boolean;
  eol: EditorEol;
  /** Whether the draft could be kept in this browser; null when drafts do not apply (read-only). */
  draftKept: boolean | null;
};

/** What the file is, as the backend will store it: size in UTF-8 bytes, encoding and line endings. */
export function CodeStatusBar({ cursor, bytes, bom, eol, draftKept }: CodeStatusBarProps) {
  const t = useTranslations("code.status");
  const format = useFormatter();
  return (
    <div
      data-testid="code-status-bar"
      className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-b-md border border-t-0 border-zinc-200 bg-zinc-50 px-3 py-1 font-mono text-xs text-zinc-600 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-400"
    >
      {cursor ? (
        <span>
          {t("position", { line: cursor.line, column: cursor.column })}
          {cursor.selected > 0 ? ` ${t("selected", { count: cursor.selected })}` : null}
        </span>
      ) : null}
      <span>{t("bytes", { size: format.number(bytes) })}</span>
      <span>{bom ? t("utf8Bom") : t("utf8")}</span>
      <span title={t("eolHint")}>{eol === "\r\n" ? "CRLF" : "LF"}</span>
      <span>Python</span>
      {draftKept === false ? (
        <span role="status" className="text-amber-700 dark:text-amber-300">
          {t("draftNotKept")}
        </span>
      ) : null}
    </div>
  );
}
