import { Link } from "@/components/ui/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Stat } from "@/components/ui/stat";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ErrorPanel } from "@/components/ui/error-panel";
import { ErrorRateBadge } from "@/components/workspaces/error-rate-badge";
import { weightedErrorRate } from "@/lib/format/error-rate";
import { listWorkspaces } from "@/server/dal/workspaces";
import { settle } from "@/server/errors/settle";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const result = await settle(listWorkspaces());
  if (!result.ok) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ErrorPanel title={t("loadFailed")} message={result.error.message} code={result.error.code} requestId={result.error.requestId} />
      </>
    );
  }
  const workspaces = result.data;
  const functions = workspaces.reduce((n, w) => n + w.functionCount, 0);
  const invocations = workspaces.reduce((n, w) => n + w.invocations24h, 0);
  const rate = weightedErrorRate(workspaces);
  const busiest = [...workspaces].sort((a, b) => b.invocations24h - a.invocations24h).slice(0, 5);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label={t("workspaces")} value={format.number(workspaces.length)} />
        <Stat label={t("functions")} value={format.number(functions)} />
        <Stat label={t("invocations24h")} value={format.number(invocations)} />
        <Stat label={t("errorRate")} value={format.number(rate / 100, { style: "percent", maximumFractionDigits: 2 })} />
      </dl>
      <section className="mt-8" aria-labelledby="busiest-heading">
        <h2 id="busiest-heading" className="mb-3 text-lg font-semibold">
          {t("busiest")}
        </h2>
        {busiest.length === 0 ? (
          <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
            {busiest.map((w) => (
              <li key={w.id} className="flex items-center justify-between gap-4 px-4 py-3">
                <Link href={`/workspaces/${encodeURIComponent(w.id)}`} className="truncate font-medium hover:underline">
                  {w.name}
                </Link>
                <span className="flex items-center gap-4 text-sm text-zinc-600 dark:text-zinc-400">
                  <span className="tabular-nums">{t("invocationsCount", { count: w.invocations24h })}</span>
                  <ErrorRateBadge rate={w.errorRate} invocations={w.invocations24h} />
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
