"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formatMegabytes } from "./build-file";
import { NewBuildForm } from "./new-build-form";

type Props = { workspaceId: string; workspaceName: string; maxBytes: number; canPush: boolean; defaultOpen?: boolean };

/** "New build" and its dialog. `defaultOpen` serves links that promise a new build (the global builds page). */
export function NewBuildDialog({ workspaceId, workspaceName, maxBytes, canPush, defaultOpen = false }: Props) {
  const t = useTranslations("builds.newBuild");
  const [open, setOpen] = useState(defaultOpen);
  return (
    <>
      <Button variant="primary" onClick={() => setOpen(true)}>
        {t("open")}
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        size="lg"
        title={t("title")}
        description={t("description", { workspace: workspaceName, max: formatMegabytes(maxBytes) })}
      >
        <NewBuildForm workspaceId={workspaceId} maxBytes={maxBytes} canPush={canPush} onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
