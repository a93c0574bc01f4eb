"use client";

import { useTranslations } from "next-intl";

/**
 * Shown while Monaco's chunk downloads and while it starts: fills the editor's box (callers give the
 * box its height) and says what is coming.
 */
export function EditorLoading() {
  const t = useTranslations("code.editor");
  return (
    <div
      role="status"
      className="flex h-full min-h-24 w-full animate-pulse items-center justify-center rounded-md bg-zinc-100 text-sm text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400"
    >
      {t("loading")}
    </div>
  );
}
