"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { shipConfirmHref, shipRunHref } from "@/lib/routes";
import { startShipAction } from "@/server/actions/ship";

/** Codes that need a choice the Deploy tab asks for (a registry, the first settings). */
const NEEDS_CHOICE = new Set(["SETTINGS_REQUIRED", "REGISTRY_REQUIRED"]);

/**
 * "Deploy" in the Code tab: ships the saved code. Unsaved edits are offered a save first (the deploy
 * starts only once the save went through); then the Deploy tab follows the run.
 */
export function ShipButton({
  workspaceId,
  functionId,
  dirty,
  save,
}: {
  workspaceId: string;
  functionId: string;
  dirty: boolean;
  save: () => Promise<boolean>;
}) {
  const t = useTranslations("ship");
  const router = useRouter();
  const [confirm, setConfirm] = useState(false);
  const [saving, setSaving] = useState(false);
  const start = useAction(startShipAction, {
    success: t("started"),
    onSuccess: (run) => router.push(shipRunHref(workspaceId, functionId, run.id)),
  });

  const launch = async () => {
    const result = await start.run({ workspaceId, functionId });
    if (result.ok) return;
    if (NEEDS_CHOICE.has(result.error.code)) router.push(shipConfirmHref(workspaceId, functionId));
    else toast.error(result.error.message);
  };

  return (
    <>
      <Button
        size="sm"
        variant="primary"
        disabled={start.pending || saving}
        aria-busy={start.pending || saving}
        onClick={() => (dirty ? setConfirm(true) : void launch())}
      >
        {start.pending ? t("starting") : t("deployButton")}
      </Button>
      <ConfirmDialog
        open={confirm}
        onOpenChange={setConfirm}
        title={t("saveAndDeploy.title")}
        description={t("saveAndDeploy.description")}
        confirmLabel={t("saveAndDeploy.confirm")}
        pending={saving}
        onConfirm={async () => {
          setSaving(true);
          const saved = await save().finally(() => setSaving(false));
          setConfirm(false);
          if (saved) await launch();
        }}
      />
    </>
  );
}
