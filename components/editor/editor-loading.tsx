"use client";

import { useTranslations } from "next-intl";

/**
 * Shown while Monaco's chunk downloads and while it starts: fills the editor's box (callers give the
 * box its height) and says what is coming. Busy, so assistive technology (and the accessibility
 * walk) waits for the editor; no pulse, which faded the text below a readable contrast.
 */
export function EditorLoading() {
  const t = useTranslations("code.editor");
  return (
    <div
      role="status"
      aria-busy="true"
      className="flex h-full min-h-24 w-full items-center justify-center rounded-md bg-zinc-100 text-sm text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300"
    >
      {t("loading")}
    </div>
  );
}
