import { useTranslations } from "next-intl";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { workspaceBuildsHref, workspaceHref } from "@/lib/routes";

/** Workspaces / {workspace} / Builds [/ task]: the way back up from a build page. */
export function BuildsBreadcrumb({ workspace, taskId }: { workspace: { id: string; name: string }; taskId?: string }) {
  const t = useTranslations("builds.breadcrumb");
  return (
    <Breadcrumbs
      className="mb-2"
      label={t("label")}
      items={[
        { href: "/workspaces", label: t("workspaces") },
        { href: workspaceHref(workspace.id), label: workspace.name },
        { href: taskId ? workspaceBuildsHref(workspace.id) : undefined, label: t("builds") },
        ...(taskId ? [{ label: taskId, mono: true }] : []),
      ]}
    />
  );
}
