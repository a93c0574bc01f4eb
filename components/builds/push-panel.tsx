"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useHydrated } from "@/components/ui/use-hydrated";
import { startPush } from "@/server/actions/builds";
import { pushTargetProblems, registryUrlOf, type PushTarget, type PushTargetField } from "./push-target";
import { PushTargetFields } from "./push-target-fields";
import { taskHref } from "@/lib/routes";
import { useRegistries } from "./use-registries";

type Props = {
  workspaceId: string;
  buildTaskId: string;
  sourcePath: string;
  appName: string | null;
};

/** Pushes a completed build-only task's package; the push is a task of its own, opened once started. */
export function PushPanel({ workspaceId, buildTaskId, sourcePath, appName }: Props) {
  const t = useTranslations("builds.push");
  const router = useRouter();
  const hydrated = useHydrated();
  const registries = useRegistries();
  const [target, setTarget] = useState<PushTarget>({
    registry: "",
    repository: appName ?? "",
    tag: `task-${buildTaskId}`.slice(0, 128),
  });
  const [problems, setProblems] = useState<PushTargetField[]>([]);
  const { run, pending, failure } = useAction(startPush, {
    success: (d) => t("started", { taskId: d.task_id }),
    onSuccess: (d) => router.push(taskHref(workspaceId, d.task_id)),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const found = pushTargetProblems(target);
    setProblems(found);
    if (found.length > 0 || pending) return;
    void run({
      registry_url: registryUrlOf(target),
      tag: target.tag,
      workspace_id: workspaceId,
      s3_source_path: sourcePath,
    });
  }

  const errors: Partial<Record<PushTargetField, string[]>> = {};
  for (const field of problems) errors[field] = [t(`errors.${field}`)];
  for (const [field, messages] of Object.entries(failure?.fieldErrors ?? {})) {
    const mapped: PushTargetField = field === "tag" ? "tag" : "repository";
    if (field === "tag" || field === "registry_url") errors[mapped] = messages;
  }
  const none = registries.registries !== null && registries.registries.length === 0;
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-busy={pending}>
      <h3 className="font-medium">{t("title")}</h3>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("description")}</p>
      <PushTargetFields
        value={target}
        onChange={setTarget}
        registries={registries.registries}
        loading={registries.loading}
        error={registries.error}
        errors={errors}
        tagHint={t("tagHint")}
        disabled={pending}
      />
      {failure ? (
        <ErrorPanel title={t("failed")} message={failure.message} code={failure.code} requestId={failure.requestId} />
      ) : null}
      {none ? null : (
        <Button
          type="submit"
          variant="primary"
          disabled={!hydrated || pending || registries.loading}
          aria-busy={pending}
        >
          {pending ? t("pushing") : t("submit")}
        </Button>
      )}
    </form>
  );
}
