import { useTranslations } from "next-intl";
import type { MetricsDto } from "@/lib/dto/observability";

const pre =
  "max-h-72 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap break-words dark:bg-zinc-950";

/**
 * PromQL and the raw Prometheus answers, for developers and admins only: the page renders this only
 * for roles allowed "metrics.raw", and the BFF strips raw_* for everyone else anyway.
 */
export function DeveloperDetails({ data }: { data: MetricsDto["data"] }) {
  const t = useTranslations("metrics.developer");
  const raw = (value: Record<string, unknown> | undefined) =>
    value === undefined ? (
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("absent")}</p>
    ) : (
      <pre className={pre}>{JSON.stringify(value, null, 2)}</pre>
    );
  return (
    <details className="group rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <summary className="cursor-pointer px-4 py-3 text-sm font-medium select-none">{t("summary")}</summary>
      <dl className="space-y-3 border-t border-zinc-100 px-4 py-3 text-sm dark:border-zinc-800">
        <div className="space-y-1">
          <dt className="text-xs font-semibold text-zinc-500 uppercase dark:text-zinc-400">{t("instantQuery")}</dt>
          <dd>
            <code className="font-mono text-xs break-all">{data.instant_query}</code>
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="text-xs font-semibold text-zinc-500 uppercase dark:text-zinc-400">{t("rangeQuery")}</dt>
          <dd>
            <code className="font-mono text-xs break-all">{data.range_query}</code>
          </dd>
        </div>
        <div className="space-y-1">
          <dt className="text-xs font-semibold text-zinc-500 uppercase dark:text-zinc-400">{t("rawInstant")}</dt>
          <dd>{raw(data.raw_instant)}</dd>
        </div>
        <div className="space-y-1">
          <dt className="text-xs font-semibold text-zinc-500 uppercase dark:text-zinc-400">{t("rawRange")}</dt>
          <dd>{raw(data.raw_range)}</dd>
        </div>
      </dl>
    </details>
  );
}
