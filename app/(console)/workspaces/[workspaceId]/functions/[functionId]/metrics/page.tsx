import { getTranslations } from "next-intl/server";
import { MetricsPanel } from "@/components/metrics/metrics-panel";
import { ErrorPanel } from "@/components/ui/error-panel";
import { userCan } from "@/server/auth/session";
import { getFunctionForRender } from "@/server/dal/render-reads";
import { settle } from "@/server/errors/settle";

type Params = { workspaceId: string; functionId: string };

/**
 * The Metrics tab. The counters come from the function itself; CPU comes from Prometheus in the
 * browser, so a Prometheus outage never fails this page's render.
 */
export default async function FunctionMetricsPage({ params }: { params: Promise<Params> }) {
  const { workspaceId, functionId } = await params;
  const [t, fn, canSeeRaw] = await Promise.all([
    getTranslations("metrics"),
    settle(getFunctionForRender(workspaceId, functionId)),
    userCan("metrics.raw"),
  ]);
  if (!fn.ok) {
    // The layout already reports an unloadable function; this only happens if it failed in between.
    return (
      <ErrorPanel
        title={t("errors.functionFailed")}
        message={fn.error.message}
        code={fn.error.code}
        requestId={fn.error.requestId}
      />
    );
  }
  const { invocations24h, errors24h, avgDuration } = fn.data;
  return (
    <section aria-labelledby="metrics-heading">
      <h2 id="metrics-heading" className="sr-only">
        {t("title")}
      </h2>
      <MetricsPanel
        workspaceId={workspaceId}
        functionId={functionId}
        initialStats={{ invocations24h, errors24h, avgDuration }}
        canSeeRaw={canSeeRaw}
      />
    </section>
  );
}
