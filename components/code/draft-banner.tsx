"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { RestoredDraft } from "./use-code-document";
import { kstText } from "@/components/format/kst-time";

/** Says that the editor holds an edit from an earlier visit, not the saved code, and offers to drop it. */
export function DraftBanner({
  restored,
  onDiscard,
  onDismiss,
}: {
  restored: RestoredDraft;
  onDiscard: () => void;
  onDismiss: () => void;
}) {
  const t = useTranslations("code.draft");
  // Absolute, not relative: the page's notion of "now" is the render time, which may predate the draft.
  return (
    <div
      role="status"
      className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <p>
        {t("restored", {
          time: kstText(restored.updatedAt),
        })}
        {restored.stale ? ` ${t("stale")}` : null}
      </p>
      <div className="flex gap-2">
        <Button size="sm" onClick={onDiscard}>
          {t("discard")}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
      </div>
    </div>
  );
}
