"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { deleteWorkspace } from "@/server/actions/workspaces";

/**
 * Deleting a workspace deletes its functions too, so the dialog says how many and asks for the
 * workspace's name before the button works. Afterwards the list is the only sensible place to be.
 */
export function DeleteWorkspaceButton({
  workspace,
}: {
  workspace: Pick<WorkspaceDto, "id" | "name" | "functionCount">;
}) {
  const t = useTranslations("workspaces.delete");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { run, pending, failure, clearFailure } = useAction(deleteWorkspace, {
    success: t("deleted", { name: workspace.name }),
    onSuccess: () => {
      setOpen(false);
      router.replace("/workspaces");
    },
  });
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("open")}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          if (!next) clearFailure();
          setOpen(next);
        }}
        title={t("title", { name: workspace.name })}
        description={t("description", { count: workspace.functionCount })}
        confirmLabel={t("confirm")}
        requireText={workspace.name}
        pending={pending}
        error={failure?.message}
        onConfirm={() => void run({ workspaceId: workspace.id })}
      />
    </>
  );
}
