"use client";

import { useFormatter, useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { Link } from "@/components/ui/link";
import { prettyJson } from "./json-check";
import { meaningOf, type InvokeOutcome } from "./invoke-outcome";
import { kstText } from "@/components/format/kst-time";

type ResponsePanelProps = {
  outcome: InvokeOutcome | null;
  at: number | null;
  timeoutSeconds: number;
  running: boolean;
  /** The function's failed executions (its Logs tab), where a failed run's log lines are. */
  failedRunsHref: string;
};

/** The function's answer: status, duration, body (pretty JSON or text), and what a failure means. */
export function ResponsePanel({ outcome, at, timeoutSeconds, running, failedRunsHref }: ResponsePanelProps) {
  const t = useTranslations("testInvoke.response");
  const format = useFormatter();
  if (!outcome) {
    return (
      <div className="flex h-40 items-center justify-center rounded-md border border-dashed border-zinc-300 text-sm text-zinc-500 dark:border-zinc-700 dark:text-zinc-400">
        {running ? t("running") : t("empty")}
      </div>
    );
  }
  const meaning = meaningOf(outcome);
  const meaningText = meaning ? t(`meaning.${meaning.meaning}`, { timeout: timeoutSeconds }) : null;
  const good = outcome.kind === "response" && outcome.status < 400;
  const body =
    outcome.kind === "response"
      ? outcome.contentType === "application/json"
        ? prettyJson(outcome.body)
        : outcome.body
      : null;
  return (
    <div data-testid="invoke-response" aria-live="polite" className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span
          data-testid="invoke-status"
          className={cn(
            "rounded px-2 py-0.5 font-mono font-semibold",
            good
              ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300"
              : "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
          )}
        >
          {outcome.kind === "response"
            ? outcome.status
            : meaning?.status
              ? `${meaning.status} ${outcome.code}`
              : outcome.code}
        </span>
        <span>{t("duration", { ms: format.number(outcome.durationMs) })}</span>
        {at !== null ? <span className="text-zinc-500 dark:text-zinc-400">{kstText(at)}</span> : null}
        {outcome.kind === "response" && outcome.truncated ? (
          <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900 dark:bg-amber-500/15 dark:text-amber-200">
            {t("truncated")}
          </span>
        ) : null}
      </div>
      {meaning ? (
        <p
          role="note"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200"
        >
          {meaningText}
        </p>
      ) : null}
      {meaning ? (
        <p className="text-sm">
          <Link
            href={failedRunsHref}
            className="font-medium text-brand-700 underline underline-offset-2 dark:text-brand-100"
            data-testid="invoke-log-link"
          >
            {t("logLink")}
          </Link>
        </p>
      ) : null}
      {outcome.kind === "failure" ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {/* The console's own refusals already say this in the note above: not twice. */}
          {outcome.message === meaningText ? null : outcome.message}
          {outcome.requestId ? (
            <span className="ml-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">
              {t("requestId", { id: outcome.requestId })}
            </span>
          ) : null}
        </p>
      ) : (
        <div className="space-y-1">
          <div className="flex items-center justify-between text-xs text-zinc-500 dark:text-zinc-400">
            <span>
              {t("body")}
              {outcome.upstreamContentType ? ` · ${outcome.upstreamContentType}` : null}
            </span>
            {body ? <CopyButton value={body} /> : null}
          </div>
          <pre
            data-testid="invoke-body"
            className="max-h-[50vh] overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap break-words dark:border-zinc-800 dark:bg-zinc-950"
          >
            {body === "" || body === null ? (
              <span className="text-zinc-500 dark:text-zinc-400">{t("emptyBody")}</span>
            ) : (
              body
            )}
          </pre>
        </div>
      )}
    </div>
  );
}
