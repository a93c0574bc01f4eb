"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { isApiError } from "@/lib/api/api-error";

/**
 * One log source's failure, inside its own tab: says which source failed in plain words (by error
 * code, never by message text) and offers a retry, so the other source stays usable beside it.
 */
export function SourceError({
  source,
  error,
  onRetry,
}: {
  source: "executions" | "live";
  error: unknown;
  onRetry: () => void;
}) {
  const t = useTranslations("logs.errors");
  const code = isApiError(error) ? error.code : undefined;
  const kind =
    source === "live" && code === "LOKI_CONNECTION_ERROR"
      ? "lokiDown"
      : source === "live" && code === "LOKI_ERROR"
        ? "lokiError"
        : source;
  return (
    <ErrorPanel
      title={t(`${kind}.title`)}
      message={t(`${kind}.message`)}
      code={code}
      requestId={isApiError(error) ? error.requestId : undefined}
      action={
        <Button size="sm" onClick={onRetry}>
          {t("retry")}
        </Button>
      }
    />
  );
}
