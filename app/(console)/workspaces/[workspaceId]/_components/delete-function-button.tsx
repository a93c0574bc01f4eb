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
  /** In a table row: a quiet trash icon (red only on hover or focus), not a red word on every row. */
  quiet?: boolean;
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
  quiet = false,
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
      {quiet ? (
        <Button
          variant="ghost"
          size={size}
          className="text-zinc-500! hover:text-red-700! focus-visible:text-red-700! dark:text-zinc-400! dark:hover:text-red-300! dark:focus-visible:text-red-300!"
          aria-label={t("openLabel", { name: functionName })}
          title={t("openLabel", { name: functionName })}
          onClick={() => setOpen(true)}
        >
          <svg aria-hidden viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" className="h-4 w-4">
            <path d="M3.5 5.5h13M8 5.5V4a1 1 0 0 1 1-1h2a1 1 0 0 1 1 1v1.5M5.5 5.5l.7 10.1a1.5 1.5 0 0 0 1.5 1.4h4.6a1.5 1.5 0 0 0 1.5-1.4l.7-10.1M8.5 9v5M11.5 9v5" />
          </svg>
        </Button>
      ) : (
        <Button
          variant="ghost"
          size={size}
          className="text-red-700! dark:text-red-300!"
          aria-label={t("openLabel", { name: functionName })}
          onClick={() => setOpen(true)}
        >
          {t("open")}
        </Button>
      )}
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
