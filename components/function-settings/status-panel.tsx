"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { FunctionStatusBadge } from "@/components/functions/function-status-badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { FunctionStatus } from "@/lib/contract/function";
import { setFunctionStatus } from "@/server/actions/functions";

type StatusPanelProps = {
  workspaceId: string;
  functionId: string;
  name: string;
  status: FunctionStatus;
  canEdit: boolean;
};

/** Active / disabled, saved on its own: disabling stops invocations at once, so it asks first. */
export function StatusPanel({ workspaceId, functionId, name, status: initial, canEdit }: StatusPanelProps) {
  const t = useTranslations("functionSettings.status");
  const [status, setLocalStatus] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const action = useAction(setFunctionStatus, {
    success: (fn) => (fn.status === "active" ? t("enabled") : t("disabled")),
    onSuccess: (fn) => {
      setLocalStatus(fn.status);
      setConfirming(false);
    },
  });
  const change = (next: FunctionStatus) => void action.run({ workspaceId, functionId, status: next });

  return (
    <Card className="flex flex-wrap items-center justify-between gap-4">
      <div className="space-y-1">
        <h2 className="flex items-center gap-2 text-sm font-medium">
          {t("title")} <FunctionStatusBadge status={status} />
        </h2>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {status === "active" ? t("activeHint") : t("disabledHint")}
        </p>
        {action.failure && !confirming ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300">
            {action.failure.message}
          </p>
        ) : null}
      </div>
      {canEdit ? (
        status === "active" ? (
          <Button variant="danger" onClick={() => setConfirming(true)} disabled={action.pending}>
            {t("disable")}
          </Button>
        ) : (
          <Button
            variant="primary"
            onClick={() => change("active")}
            disabled={action.pending}
            aria-busy={action.pending}
          >
            {action.pending ? t("working") : t("enable")}
          </Button>
        )
      ) : null}
      <ConfirmDialog
        open={confirming}
        onOpenChange={(open) => {
          setConfirming(open);
          if (!open) action.clearFailure();
        }}
        title={t("confirmTitle", { name })}
        description={t("confirmDescription")}
        confirmLabel={t("disable")}
        pending={action.pending}
        error={action.failure?.message}
        onConfirm={() => change("disabled")}
      />
    </Card>
  );
}
