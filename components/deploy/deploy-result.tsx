import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";
import type { DeployDto } from "@/lib/dto/pipeline";

/** The outcome of a deploy: where the function now answers, and the way to try it. */
export function DeployResult({ result, testHref }: { result: DeployDto; testHref: string }) {
  const t = useTranslations("deploy.result");
  return (
    <div
      role="status"
      className="space-y-2 rounded-lg border border-emerald-200 bg-emerald-50 p-4 text-emerald-900 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200"
    >
      <p className="font-medium">{result.endpoint ? t("title") : t("pendingTitle")}</p>
      {result.message ? <p className="text-sm">{result.message}</p> : null}
      {result.endpoint ? (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span>{t("endpoint")}</span>
          <code
            data-testid="deploy-endpoint"
            className="break-all rounded bg-white/70 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-900/70"
          >
            {result.endpoint}
          </code>
          <CopyButton value={result.endpoint} label={t("copyEndpoint")} />
        </p>
      ) : (
        <p className="text-sm">{t("noEndpoint")}</p>
      )}
      <Link href={testHref} className="inline-block text-sm font-medium underline">
        {t("test")}
      </Link>
    </div>
  );
}
