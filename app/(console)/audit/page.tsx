import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuditTable } from "@/components/ship/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { userCan } from "@/server/auth/session";
import { settle } from "@/server/errors/settle";
import { AUDIT_PAGE_ROWS, parseAuditFilters, readAudit, readAuditFacets } from "@/server/ship/audit-view";

export async function generateMetadata() {
  return { title: (await getTranslations("audit"))("title") };
}

const inputClass = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** Admins only: every audited call from the console's store, filtered by a GET form (a shareable link). */
export default async function AuditPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await userCan("audit.read"))) notFound();
  const [t, raw] = await Promise.all([getTranslations("audit"), searchParams]);
  const parsed = await settle(Promise.resolve().then(() => parseAuditFilters(raw)));
  const filters = parsed.ok ? parsed.data : parseAuditFilters({});
  const [rows, facets] = await Promise.all([settle(readAudit(filters, AUDIT_PAGE_ROWS)), settle(readAuditFacets())]);
  const query = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <a
            href={`/api/audit/export${query ? `?${query}` : ""}`}
            download
            className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {t("export")}
          </a>
        }
      />
      <form method="get" aria-label={t("filters.label")} className="mb-4 flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("filters.who")}</span>
          <select name="who" defaultValue={filters.who ?? ""} className={inputClass}>
            <option value="">{t("filters.any")}</option>
            {(facets.ok ? facets.data.who : []).map((w) => (
              <option key={w}>{w}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("filters.action")}</span>
          <select name="action" defaultValue={filters.action ?? ""} className={inputClass}>
            <option value="">{t("filters.any")}</option>
            {(facets.ok ? facets.data.action : []).map((a) => (
              <option key={a}>{a}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("filters.workspace")}</span>
          <input name="workspace" defaultValue={filters.workspace ?? ""} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("filters.from")}</span>
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={inputClass} />
        </label>
        <label className="flex flex-col gap-1 text-sm">
          <span className="font-medium">{t("filters.to")}</span>
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={inputClass} />
        </label>
        <button
          type="submit"
          className="rounded-md bg-brand-600 px-3 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t("filters.apply")}
        </button>
        <a href="/audit" className="px-2 py-2 text-sm text-brand-700 hover:underline dark:text-brand-100">
          {t("filters.clear")}
        </a>
      </form>
      {!parsed.ok ? (
        <ErrorPanel title={t("loadFailed")} message={parsed.error.message} code={parsed.error.code} />
      ) : null}
      {!rows.ok ? (
        <ErrorPanel
          title={t("loadFailed")}
          message={rows.error.message}
          code={rows.error.code}
          requestId={rows.error.requestId}
        />
      ) : null}
      {rows.ok && rows.data.length === 0 ? <EmptyState title={t("empty")} /> : null}
      {rows.ok && rows.data.length > 0 ? <AuditTable rows={rows.data} /> : null}
      {rows.ok && rows.data.length === AUDIT_PAGE_ROWS ? (
        <p className="mt-2 text-sm text-zinc-500 dark:text-zinc-400">{t("more", { count: AUDIT_PAGE_ROWS })}</p>
      ) : null}
    </>
  );
}
