"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button, type ButtonProps } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { deleteFunction } from "@/server/actions/functions";

type DeleteFunctionButtonProps = {
  workspaceId: string;
  functionId: string;
  functionName: string;
  /** Where to go afterwards; omit to stay (the action revalidates the page, so the row just goes). */
  redirectTo?: string;
  size?: ButtonProps["size"];
};

/**
 * Deletes one function after a confirmation (developers and up; render it only when
 * `userCan("function.delete")`). Used as a row action of the workspace's function table and meant
 * for the function page's header too, with `redirectTo` set to the workspace.
 */
export function DeleteFunctionButton({
  workspaceId,
  functionId,
  functionName,
  redirectTo,
  size = "md",
}: DeleteFunctionButtonProps) {
  const t = useTranslations("functions.delete");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const { run, pending, failure, clearFailure } = useAction(deleteFunction, {
    success: t("deleted", { name: functionName }),
    onSuccess: () => {
      setOpen(false);
      if (redirectTo) router.replace(redirectTo);
    },
  });
  return (
    <>
      <Button
        variant="ghost"
        size={size}
        className="text-red-700! dark:text-red-300!"
        aria-label={t("openLabel", { name: functionName })}
        onClick={() => setOpen(true)}
      >
        {t("open")}
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={(next) => {
          if (!next) clearFailure();
          setOpen(next);
        }}
        title={t("title", { name: functionName })}
        description={t("description")}
        confirmLabel={t("confirm")}
        pending={pending}
        error={failure?.message}
        onConfirm={() => void run({ workspaceId, functionId })}
      />
    </>
  );
}
