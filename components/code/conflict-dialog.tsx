"use client";

import { useTranslations } from "next-intl";
import { LazyDiffView } from "@/components/editor/lazy-editors";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { ConflictVersion } from "./use-code-document";
import { kstText } from "@/components/format/kst-time";

type ConflictDialogProps = {
  conflict: ConflictVersion | null;
  /** The editor's text, as it would have been saved. */
  mine: string;
  onKeepEditing: () => void;
  onLoadTheirs: () => void;
  onClose: () => void;
};

/**
 * Shown instead of overwriting when someone saved first: both versions side by side, and two explicit
 * ways on. Closing it changes nothing: the edit stays, and saving again asks again.
 */
export function ConflictDialog({ conflict, mine, onKeepEditing, onLoadTheirs, onClose }: ConflictDialogProps) {
  const t = useTranslations("code.conflict");
  return (
    <Dialog
      open={conflict !== null}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={t("title")}
      description={
        conflict
          ? t("description", {
              time: kstText(conflict.lastModified),
            })
          : null
      }
      size="xl"
    >
      {conflict ? (
        <div className="space-y-4">
          {conflict.source === null ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {t("undecodable")}
            </p>
          ) : (
            <>
              <div className="grid grid-cols-2 gap-2 text-xs font-medium text-zinc-600 dark:text-zinc-400">
                <span>{t("theirs")}</span>
                <span>{t("mine")}</span>
              </div>
              <div
                className="h-[50vh] overflow-hidden rounded-md border border-zinc-200 dark:border-zinc-800"
                data-testid="conflict-diff"
              >
                <LazyDiffView original={conflict.source} modified={mine} language="python" ariaLabel={t("diffLabel")} />
              </div>
            </>
          )}
          <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-600 dark:text-zinc-400">
            <li>{t("keepEditingHint")}</li>
            {conflict.source !== null ? <li>{t("loadTheirsHint")}</li> : null}
          </ul>
          <div className="flex flex-wrap justify-end gap-2">
            {conflict.source !== null ? (
              <Button variant="danger" onClick={onLoadTheirs}>
                {t("loadTheirs")}
              </Button>
            ) : null}
            <Button variant="primary" onClick={onKeepEditing}>
              {t("keepEditing")}
            </Button>
          </div>
        </div>
      ) : null}
    </Dialog>
  );
}
