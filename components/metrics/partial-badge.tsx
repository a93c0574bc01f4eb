import { useTranslations } from "next-intl";
import type { MetricsQuery } from "./interpret-metrics";

/** Says which half of a `partial` answer is missing; whatever did arrive is still shown. */
export function PartialBadge({ failed, unknown }: { failed: MetricsQuery[]; unknown: boolean }) {
  const t = useTranslations("metrics.partial");
  const reasons = unknown ? [t("unknown")] : failed.map((q) => t(q));
  return (
    <div
      role="status"
      className="flex flex-wrap items-start gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <span
        className="inline-flex items-center rounded-full bg-amber-200 px-2 py-0.5 text-xs font-semibold dark:bg-amber-500/25"
        data-testid="partial-badge"
      >
        {t("badge")}
      </span>
      <span className="min-w-0 flex-1">{reasons.join(" ")}</span>
    </div>
  );
}
