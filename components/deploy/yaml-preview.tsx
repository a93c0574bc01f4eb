"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

/** The SpinApp YAML the Builder produced, read-only, with a copy button. */
export function YamlPreview({ yaml }: { yaml: string }) {
  const t = useTranslations("deploy.preview");
  return (
    <section aria-labelledby="yaml-preview-title" className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h2 id="yaml-preview-title" className="font-medium">
          {t("title")}
        </h2>
        <CopyButton value={yaml} label={t("copy")} />
      </div>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("asIs")}</p>
      <pre
        data-testid="yaml-preview"
        aria-labelledby="yaml-preview-title"
        className="max-h-[28rem] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950"
      >
        {yaml}
      </pre>
    </section>
  );
}
