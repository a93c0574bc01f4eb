import { useTranslations } from "next-intl";
import { type ReactNode } from "react";

/**
 * An inline failure: says what failed in plain words, with the code and request id for support, each
 * its own translated sentence so a screen reader does not run them into the message.
 */
export function ErrorPanel({
  title,
  message,
  code,
  requestId,
  action,
}: {
  title: string;
  message: string;
  code?: string;
  requestId?: string;
  action?: ReactNode;
}) {
  const t = useTranslations("common.errors");
  return (
    <div
      role="alert"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
    >
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm">{message}</p>
      {code || requestId ? (
        <p className="mt-2 text-xs opacity-75">
          {code ? <span className="font-mono">{t("code", { code })}</span> : null}
          {code && requestId ? " " : null}
          {requestId ? <span className="font-mono">{t("requestId", { id: requestId })}</span> : null}
        </p>
      ) : null}
      {action ? <div className="mt-3">{action}</div> : null}
    </div>
  );
}
