"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { WorkspaceFormLazy } from "@/components/workspaces/workspace-form-lazy";
import { createWorkspace } from "@/server/actions/workspaces";
import { workspaceHref } from "@/lib/routes";

/** Admins only (the page renders it for them; the action checks again). Opens the new workspace on success. */
export function CreateWorkspaceButton() {
  const t = useTranslations("workspaces.create");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        {t("open")}
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={t("title")} description={t("description")}>
        <WorkspaceFormLazy
          mode="create"
          action={createWorkspace}
          submitLabel={t("submit")}
          pendingLabel={t("pending")}
          success={(w) => t("created", { name: w.name })}
          onSuccess={(w) => {
            setOpen(false);
            router.push(workspaceHref(w.id));
          }}
          onCancel={() => setOpen(false)}
        />
      </Dialog>
    </>
  );
}
