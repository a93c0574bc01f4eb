"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { WorkspaceFormLazy } from "@/components/workspaces/workspace-form-lazy";
import type { WorkspaceCreate } from "@/lib/contract";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { updateWorkspace } from "@/server/actions/workspaces";

/** Rename or re-describe a workspace (admins). The action revalidates every page that shows it. */
export function EditWorkspaceButton({ workspace }: { workspace: Pick<WorkspaceDto, "id" | "name" | "description"> }) {
  const t = useTranslations("workspaces.edit");
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("open")}</Button>
      <Dialog open={open} onOpenChange={setOpen} title={t("title")}>
        <WorkspaceFormLazy
          mode="edit"
          initial={workspace}
          action={(input: WorkspaceCreate) => updateWorkspace({ workspaceId: workspace.id, ...input })}
          submitLabel={t("submit")}
          pendingLabel={t("pending")}
          success={(w) => t("saved", { name: w.name })}
          onSuccess={() => setOpen(false)}
          onCancel={() => setOpen(false)}
        />
      </Dialog>
    </>
  );
}
