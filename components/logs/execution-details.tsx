import { useTranslations } from "next-intl";
import { type ReactNode } from "react";
import type { ExecutionLogDto } from "@/lib/dto/logs";
import { prettyJson } from "./execution-filters";

const block =
  "max-h-64 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-xs whitespace-pre-wrap break-words dark:bg-zinc-950";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="min-w-0 space-y-1">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{title}</h4>
      {children}
    </section>
  );
}

/** An execution's payloads and output, JSON pretty-printed, as the expanded part of its row. */
export function ExecutionDetails({ log, id }: { log: ExecutionLogDto; id: string }) {
  const t = useTranslations("logs.executions.details");
  const body = (value: unknown) =>
    value === undefined ? (
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("none")}</p>
    ) : (
      <pre className={block}>{prettyJson(value)}</pre>
    );
  return (
    <div
      id={id}
      className="space-y-3 border-t border-zinc-100 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{t("id", { id: log.id })}</p>
      <div className="grid grid-cols-2 gap-3">
        <Section title={t("request")}>{body(log.requestBody)}</Section>
        <Section title={t("response")}>{body(log.responseBody)}</Section>
      </div>
      <Section title={t("logLines")}>
        {log.logs.length === 0 ? (
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("noLines")}</p>
        ) : (
          <pre className={block}>{log.logs.map((line) => prettyJson(line)).join("\n")}</pre>
        )}
      </Section>
    </div>
  );
}
