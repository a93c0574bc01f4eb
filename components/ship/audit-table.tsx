import { useTranslations } from "next-intl";
import { RelativeTime } from "@/components/format/relative-time";

export type AuditRow = {
  id: string;
  at: string;
  who: string;
  action: string;
  workspace_id: string | null;
  target: Record<string, string | number | undefined>;
  result: "ok" | "refused" | "failed";
  code: string | null;
  request_id: string | null;
};

function targetText(target: AuditRow["target"]): string {
  return Object.entries(target)
    .map(([k, v]) => `${k}=${v}`)
    .join(" ");
}

/** The audit rows, newest first: who, what, target, result, request id. */
export function AuditTable({ rows }: { rows: AuditRow[] }) {
  const t = useTranslations("audit");
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="audit-table">
        <thead className="text-xs text-zinc-500 uppercase dark:text-zinc-400">
          <tr>
            <th className="py-2 pr-3">{t("columns.at")}</th>
            <th className="py-2 pr-3">{t("columns.who")}</th>
            <th className="py-2 pr-3">{t("columns.action")}</th>
            <th className="py-2 pr-3">{t("columns.target")}</th>
            <th className="py-2 pr-3">{t("columns.result")}</th>
            <th className="py-2">{t("columns.requestId")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-zinc-100 align-top dark:border-zinc-800" data-testid="audit-row">
              <td className="py-2 pr-3 whitespace-nowrap">
                <RelativeTime iso={r.at} />
              </td>
              <td className="py-2 pr-3">{r.who}</td>
              <td className="py-2 pr-3 font-mono text-xs">{r.action}</td>
              <td className="py-2 pr-3 font-mono text-xs break-all">{targetText(r.target)}</td>
              <td className="py-2 pr-3">
                {t(`results.${r.result}`)}
                {r.code ? (
                  <span className="ml-1 font-mono text-xs text-zinc-500 dark:text-zinc-400">{r.code}</span>
                ) : null}
              </td>
              <td className="py-2 font-mono text-xs break-all text-zinc-500 dark:text-zinc-400">
                {r.request_id ?? "—"}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
