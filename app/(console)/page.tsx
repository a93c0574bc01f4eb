import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { PageLoading } from "@/components/shell/page-loading";
import { HeadlineFigures } from "@/components/dashboard/headline-figures";
import { KstTime } from "@/components/format/kst-time";
import { dashboardExportHref } from "@/lib/routes";
import { PartialNote } from "@/components/dashboard/partial-note";
import { RecentDeployments } from "@/components/dashboard/recent-deployments";
import { RecentTasks } from "@/components/dashboard/recent-tasks";
import { TopErrorFunctions } from "@/components/dashboard/top-error-functions";
import { TrendChart } from "@/components/dashboard/trend-chart";
import { WorkspaceFigures } from "@/components/dashboard/workspace-figures";
import { buttonClasses } from "@/components/ui/button-classes";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { readDashboard, toDashboardDto } from "@/server/dashboard/aggregate";
import { settle } from "@/server/errors/settle";

export async function generateMetadata() {
  return { title: (await getTranslations("dashboard"))("title") };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="mt-8" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The managers' landing page: how every workspace the user may see is doing, and what to look at. */
export default function DashboardPage() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Dashboard />
    </Suspense>
  );
}

async function Dashboard() {
  const t = await getTranslations("dashboard");
  const result = await settle(readDashboard());
  if (!result.ok) {
    return (
      <>
        <PageHeader title={t("title")} />
        <ErrorPanel
          title={t("loadFailed")}
          message={result.error.message}
          code={result.error.code}
          requestId={result.error.requestId}
        />
      </>
    );
  }
  const data = toDashboardDto(result.data);
  const exports = (
    <>
      <a href={dashboardExportHref("workspaces")} download className={buttonClasses({ size: "sm" })}>
        {t("export.workspaces")}
      </a>
      <a href={dashboardExportHref("functions")} download className={buttonClasses({ size: "sm" })}>
        {t("export.functions")}
      </a>
    </>
  );
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={exports} />
      <p className="-mt-4 mb-6 text-xs text-zinc-600 dark:text-zinc-400">
        {t.rich("asOf", { time: () => <KstTime iso={data.generatedAt} /> })}
      </p>
      <PartialNote failures={data.failures} />
      {data.history.unavailable ? (
        <p
          role="status"
          className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
        >
          {t("historyUnavailable")}
        </p>
      ) : null}
      <HeadlineFigures totals={data.totals} previous={data.history.previous} />
      {data.workspaces.length === 0 ? (
        <div className="mt-8">
          <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
        </div>
      ) : (
        <>
          <Section id="per-workspace" title={t("perWorkspace")}>
            <WorkspaceFigures rows={data.workspaces} />
          </Section>
          <Section id="top-errors" title={t("topErrorsTitle")}>
            <TopErrorFunctions rows={data.topErrorFunctions} />
          </Section>
          <Section id="trend" title={t("trendTitle")}>
            <TrendChart points={data.history.trend} />
          </Section>
          <div className="grid gap-x-6 xl:grid-cols-2">
            <Section id="recent-deployments" title={t("recentDeploymentsTitle")}>
              <RecentDeployments rows={data.history.recentDeployments} unavailable={data.history.unavailable} />
            </Section>
            <Section id="recent-tasks" title={t("recentTasksTitle")}>
              <RecentTasks rows={data.recentTasks} />
            </Section>
          </div>
        </>
      )}
    </>
  );
}
