"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { toast } from "sonner";
import { useSessionEnded } from "@/components/actions/session-redirect";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { TextInput } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { isApiError, type ApiError } from "@/lib/api/api-error";
import { formatMegabytes } from "./build-file";
import { FileDropField } from "./file-drop-field";
import { fromServerFields, newBuildProblems, type NewBuildErrors } from "./new-build-errors";
import { registryUrlOf, type PushTarget } from "./push-target";
import { PushTargetFields } from "./push-target-fields";
import { taskHref } from "@/lib/routes";
import { fieldErrorsOf, uploadBuild } from "./upload-build";
import { useRegistries } from "./use-registries";

type Props = { workspaceId: string; maxBytes: number; canPush: boolean; onCancel: () => void };
type Phase = { kind: "idle" } | { kind: "uploading"; fraction: number } | { kind: "opening" };

/** Upload a `.py` or `.zip`, then build it, or build and push it; on start, open the task's page. */
export function NewBuildForm({ workspaceId, maxBytes, canPush, onCancel }: Props) {
  const t = useTranslations("builds.newBuild");
  const tc = useTranslations("common.actions");
  const sessionEnded = useSessionEnded();
  const router = useRouter();
  const hydrated = useHydrated();
  const [file, setFile] = useState<File | null>(null);
  const [appName, setAppName] = useState("");
  const [push, setPush] = useState(false);
  const [target, setTarget] = useState<PushTarget>({ registry: "", repository: "", tag: "sha256" });
  // The repository follows the app name (one repository per app) until the user edits it.
  const [repoEdited, setRepoEdited] = useState(false);
  const pushTarget: PushTarget = repoEdited ? target : { ...target, repository: appName.trim() };
  const [errors, setErrors] = useState<NewBuildErrors>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const registries = useRegistries(canPush);
  const busy = phase.kind !== "idle";
  const noRegistry = push && registries.registries !== null && registries.registries.length === 0;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const problems = newBuildProblems({ file, appName, push, target: pushTarget, maxBytes });
    const found: NewBuildErrors = {};
    for (const [field, problem] of Object.entries(problems))
      found[field as keyof NewBuildErrors] = [t(`errors.${problem}`, { max: formatMegabytes(maxBytes) })];
    setErrors(found);
    setFailure(null);
    if (!file || Object.keys(found).length > 0) return;

    // Fields first, the file last: the BFF streams the upload and refuses a field that follows the file.
    const form = new FormData();
    form.append("workspace_id", workspaceId);
    if (appName.trim()) form.append("app_name", appName.trim());
    if (push) {
      form.append("registry_url", registryUrlOf(pushTarget));
      form.append("tag", pushTarget.tag);
    }
    form.append("file", file, file.name);

    setPhase({ kind: "uploading", fraction: 0 });
    try {
      const started = await uploadBuild(push ? "/api/v1/build-and-push" : "/api/v1/build", form, (fraction) =>
        setPhase({ kind: "uploading", fraction }),
      );
      setPhase({ kind: "opening" });
      toast.success(t("started", { taskId: started.task_id }));
      router.push(taskHref(workspaceId, started.task_id, started.source_s3_path));
    } catch (err) {
      setPhase({ kind: "idle" });
      if (!isApiError(err)) throw err;
      if (err.code === "UNAUTHENTICATED") {
        sessionEnded();
        return;
      }
      setErrors(fromServerFields(fieldErrorsOf(err)));
      setFailure(err);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" aria-busy={busy}>
      <FileDropField
        file={file}
        maxBytes={maxBytes}
        disabled={busy}
        errors={errors.file}
        onFile={(next) => {
          setFile(next);
          setErrors((prev) => ({ ...prev, file: undefined }));
        }}
      />
      <TextInput
        label={t("appName")}
        hint={t("appNameHint")}
        value={appName}
        onChange={(e) => {
          setAppName(e.target.value);
          setErrors((prev) => ({ ...prev, appName: undefined }));
        }}
        errors={errors.appName}
        disabled={busy}
        autoComplete="off"
        spellCheck={false}
      />
      {canPush ? (
        <fieldset className="space-y-2" disabled={busy}>
          <legend className="text-sm font-medium">{t("mode")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value="build" checked={!push} onChange={() => setPush(false)} />
            {t("buildOnly")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="mode" value="push" checked={push} onChange={() => setPush(true)} />
            {t("buildAndPush")}
          </label>
        </fieldset>
      ) : null}
      {push ? (
        <PushTargetFields
          value={pushTarget}
          onChange={(next) => {
            if (next.repository !== pushTarget.repository) setRepoEdited(true);
            setTarget(next);
            setErrors((prev) => ({ ...prev, registry: undefined, repository: undefined, tag: undefined }));
          }}
          registries={registries.registries}
          loading={registries.loading}
          error={registries.error}
          errors={errors}
          tagHint={t("tagHint")}
          disabled={busy}
        />
      ) : null}
      {failure ? (
        <ErrorPanel title={t("failed")} message={failure.message} code={failure.code} requestId={failure.requestId} />
      ) : null}
      {phase.kind === "uploading" ? (
        <div className="space-y-1" aria-live="polite">
          <progress className="h-2 w-full" max={1} value={phase.fraction} aria-label={t("uploading")} />
          <p className="text-xs text-zinc-500 dark:text-zinc-400">
            {phase.fraction >= 1 ? t("starting") : t("uploadingPercent", { percent: Math.round(phase.fraction * 100) })}
          </p>
        </div>
      ) : phase.kind === "opening" ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
          {t("opening")}
        </p>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel} disabled={busy}>
          {tc("cancel")}
        </Button>
        <Button type="submit" variant="primary" disabled={!hydrated || busy || noRegistry} aria-busy={busy}>
          {busy ? tc("working") : push ? t("submitPush") : t("submitBuild")}
        </Button>
      </div>
    </form>
  );
}
