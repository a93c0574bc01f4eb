import { useTranslations } from "next-intl";
import { RelativeTime } from "@/components/format/relative-time";
import { Card } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";

/** What runs now, as the function records it (the backend keeps no other deployment record). */
export function CurrentDeployment({
  invocationUrl,
  lastDeployed,
}: {
  invocationUrl: string | null;
  lastDeployed: string | null;
}) {
  const t = useTranslations("deploy.current");
  return (
    <Card className="space-y-3">
      <h2 className="font-medium">{t("title")}</h2>
      {invocationUrl ? (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="text-zinc-500 dark:text-zinc-400">{t("invocationUrl")}</dt>
          <dd className="flex min-w-0 items-center gap-1">
            <code
              data-testid="current-invocation-url"
              className="break-all rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800"
            >
              {invocationUrl}
            </code>
            <CopyButton value={invocationUrl} />
          </dd>
          <dt className="text-zinc-500 dark:text-zinc-400">{t("lastDeployed")}</dt>
          <dd>{lastDeployed ? <RelativeTime iso={lastDeployed} /> : t("unknown")}</dd>
        </dl>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("none")}</p>
      )}
    </Card>
  );
}
