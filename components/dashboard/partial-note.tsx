import { useTranslations } from "next-intl";
import type { DashboardFailure } from "@/lib/dto/dashboard";
import { workspaceHref } from "@/lib/routes";

/** Names exactly what could not be read, so no figure looks complete when it is not. */
export function PartialNote({ failures }: { failures: DashboardFailure[] }) {
  const t = useTranslations("dashboard.partial");
  if (failures.length === 0) return null;
  return (
    <div
      role="status"
      className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100"
      data-testid="dashboard-partial"
    >
      <p className="font-medium">{t("title", { count: failures.length })}</p>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {failures.map((f) => (
          <li key={`${f.workspaceId}/${f.part}`}>
            {t(f.part, { workspace: f.workspaceName })}{" "}
            <a href={workspaceHref(f.workspaceId)} className="underline">
              {t("open")}
            </a>
            <span className="block font-mono text-xs opacity-80">
              {f.code}: {f.message}
              {f.requestId ? `. ${t("requestId", { id: f.requestId })}` : null}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
