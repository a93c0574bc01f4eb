"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useSWRConfig } from "swr";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { DeploymentDto, ShipRunDto } from "@/lib/ship/run";
import type { ShipSettings } from "@/lib/ship/settings";
import { retryShipAction, rollbackAction, startShipAction } from "@/server/actions/ship";
import { DeployedCodeDiff } from "./code-diff";
import { DeploymentHistory } from "./deployment-history";
import { fromDraft, ShipSettingsFields, toDraft } from "./ship-settings-fields";
import { deploymentKey, deploymentsKey, shipRunHref } from "@/lib/routes";
import { StageView } from "./stage-view";

export type ShipDefaults = {
  settings: ShipSettings;
  confirmed: boolean;
  registries: string[];
  registry: string | null;
};

type Props = {
  workspaceId: string;
  functionId: string;
  canDeploy: boolean;
  defaults: ShipDefaults;
  /** The run to show first: the one in the link, else the one running now. */
  initialRunId: string | null;
  initialDiffId: string | null;
  /** Open the settings (and registry choice) at once: the Code tab's Deploy needs them confirmed. */
  initialConfirm: boolean;
  savedCode: string;
};

/** The Deploy tab's ship-from-the-editor section: start, watch the stages, history, rollback, diff. */
export function ShipPanel({
  workspaceId,
  functionId,
  canDeploy,
  defaults,
  initialRunId,
  initialDiffId,
  initialConfirm,
  savedCode,
}: Props) {
  const t = useTranslations("ship");
  const router = useRouter();
  const { mutate } = useSWRConfig();
  const [runId, setRunId] = useState(initialRunId);
  const [diffId, setDiffId] = useState(initialDiffId);
  // A link to this same tab with another ?run= or ?diff= (the header's "Changes not deployed") is a
  // soft navigation: the panel stays mounted with new props, and follows them.
  const [fromUrl, setFromUrl] = useState({ run: initialRunId, diff: initialDiffId });
  if (fromUrl.run !== initialRunId || fromUrl.diff !== initialDiffId) {
    setFromUrl({ run: initialRunId, diff: initialDiffId });
    if (fromUrl.run !== initialRunId && initialRunId) setRunId(initialRunId);
    if (fromUrl.diff !== initialDiffId) setDiffId(initialDiffId);
  }
  const needsRegistry = defaults.registries.length > 1 && !defaults.registry;
  const mustConfirm = !defaults.confirmed || needsRegistry;
  // Closed until asked for: a first Deploy opens the settings to confirm instead of starting.
  const [editing, setEditing] = useState(initialConfirm && mustConfirm);
  const [draft, setDraft] = useState(() => toDraft(defaults.settings));
  const [registry, setRegistry] = useState(
    defaults.registry ?? (defaults.registries.length === 1 ? defaults.registries[0]! : ""),
  );
  const [rollbackOf, setRollbackOf] = useState<DeploymentDto | null>(null);

  const follow = (run: ShipRunDto) => {
    // The answer is the run as it starts: the stage view polls again from there (also after a Retry).
    void mutate(deploymentKey(workspaceId, functionId, run.id), run, { revalidate: true });
    setRunId(run.id);
    setEditing(false);
    router.replace(shipRunHref(workspaceId, functionId, run.id), { scroll: false });
    void mutate(deploymentsKey(workspaceId, functionId));
  };
  const start = useAction(startShipAction, { success: t("started"), onSuccess: follow });
  const retry = useAction(retryShipAction, { onSuccess: follow, toastErrors: true });
  const rollback = useAction(rollbackAction, { success: t("started"), onSuccess: follow, toastErrors: true });
  const busy = start.pending || retry.pending || rollback.pending;

  const onDeploy = () => {
    if (!editing && mustConfirm) return setEditing(true);
    void start.run({
      workspaceId,
      functionId,
      ...(registry ? { registryUrl: registry } : {}),
      ...(editing ? { settings: fromDraft(defaults.settings, draft) } : {}),
    });
  };

  return (
    <div className="space-y-6">
      {canDeploy ? (
        <section
          aria-labelledby="ship-title"
          className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
        >
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div>
              <h2 id="ship-title" className="text-lg font-semibold">
                {t("panel.title")}
              </h2>
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("panel.description")}</p>
            </div>
            <div className="flex gap-2">
              {!editing ? (
                <Button size="sm" variant="ghost" onClick={() => setEditing(true)}>
                  {t("panel.editSettings")}
                </Button>
              ) : null}
              <Button
                variant="primary"
                onClick={onDeploy}
                disabled={busy || defaults.registries.length === 0 || (editing && needsRegistry && !registry)}
                aria-busy={start.pending}
              >
                {start.pending ? t("starting") : editing ? t("panel.confirmAndDeploy") : t("panel.deploy")}
              </Button>
            </div>
          </div>
          {defaults.registries.length === 0 ? (
            <p className="text-sm text-amber-800 dark:text-amber-300">{t("panel.noRegistry")}</p>
          ) : null}
          {editing ? (
            <div className="space-y-2">
              <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("panel.confirmSettings")}</p>
              <ShipSettingsFields
                draft={draft}
                onChange={setDraft}
                registries={defaults.registries}
                registry={registry}
                onRegistry={setRegistry}
                fieldErrors={start.failure?.fieldErrors}
              />
            </div>
          ) : null}
          {start.failure ? (
            <ErrorPanel
              title={t("panel.failed")}
              message={start.failure.message}
              code={start.failure.code}
              requestId={start.failure.requestId}
            />
          ) : null}
        </section>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("panel.readOnly")}</p>
      )}

      {runId ? (
        <StageView
          key={runId}
          workspaceId={workspaceId}
          functionId={functionId}
          runId={runId}
          canRetry={canDeploy}
          retrying={retry.pending}
          onRetry={(run) => void retry.run({ workspaceId, functionId, runId: run.id })}
          onSettled={() => {
            void mutate(deploymentsKey(workspaceId, functionId));
            router.refresh();
          }}
        />
      ) : null}

      {diffId ? (
        <DeployedCodeDiff
          workspaceId={workspaceId}
          functionId={functionId}
          deploymentId={diffId}
          savedCode={savedCode}
          onClose={() => setDiffId(null)}
        />
      ) : null}

      <DeploymentHistory
        workspaceId={workspaceId}
        functionId={functionId}
        canDeploy={canDeploy}
        busy={busy}
        onView={setRunId}
        onDiff={setDiffId}
        onRollback={setRollbackOf}
      />

      <ConfirmDialog
        open={rollbackOf !== null}
        onOpenChange={(open) => (open ? undefined : setRollbackOf(null))}
        title={t("history.rollbackConfirm.title")}
        description={t("history.rollbackConfirm.description", { image: rollbackOf?.imageRef ?? "" })}
        confirmLabel={t("history.rollbackConfirm.confirm")}
        pending={rollback.pending}
        onConfirm={() => {
          const d = rollbackOf;
          setRollbackOf(null);
          if (d) void rollback.run({ workspaceId, functionId, deploymentId: d.id });
        }}
      />
    </div>
  );
}
