import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Suspense } from "react";
import { LogsTabs } from "@/components/logs/logs-tabs";
import { Skeleton } from "@/components/ui/skeleton";
import { workspaceLogsHref } from "@/lib/routes";

type Params = { workspaceId: string; functionId: string };

/**
 * The Logs tab. Everything below the layout's header is client-side and reads its own sources, so a
 * failing Loki or logs table never takes the function page down with it.
 */
export default async function FunctionLogsPage({ params }: { params: Promise<Params> }) {
  const [{ workspaceId, functionId }, t] = await Promise.all([params, getTranslations("logs")]);
  return (
    <section aria-labelledby="logs-heading" className="space-y-2">
      <div className="flex items-center justify-between gap-4">
        <h2 id="logs-heading" className="sr-only">
          {t("title")}
        </h2>
        <Link
          href={workspaceLogsHref(workspaceId)}
          className="ml-auto text-sm text-brand-700 hover:underline dark:text-brand-100"
        >
          {t("workspaceLogsLink")}
        </Link>
      </div>
      {/* useSearchParams needs a Suspense boundary above it. */}
      <Suspense fallback={<Skeleton className="h-64 w-full" />}>
        <LogsTabs workspaceId={workspaceId} functionId={functionId} />
      </Suspense>
    </section>
  );
}
