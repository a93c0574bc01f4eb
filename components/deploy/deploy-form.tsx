"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useAction } from "@/components/actions/use-action";
import { functionHref } from "@/lib/routes";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ErrorPanel } from "@/components/ui/error-panel";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { DeployDto } from "@/lib/dto/pipeline";
import { deploySpinApp, scaffoldSpinApp } from "@/server/actions/deploy";
import { DeployFields } from "./deploy-fields";
import {
  deployProblems,
  formFieldOf,
  toDeployInput,
  toScaffoldInput,
  type DeployField,
  type DeployFormValues,
  type DeployProblems,
  type ImageChoice,
} from "./deploy-form-model";
import { DeployProgress } from "./deploy-progress";
import { DeployResult } from "./deploy-result";
import { ImageField } from "./image-field";
import { YamlPreview } from "./yaml-preview";

type Props = {
  workspaceId: string;
  functionId: string;
  initial: DeployFormValues;
  choices: ImageChoice[];
};

/** Deploy an image to this function, with the SpinApp YAML one click away; validated with the contract first. */
export function DeployForm({ workspaceId, functionId, initial, choices }: Props) {
  const t = useTranslations("deploy");
  const hydrated = useHydrated();
  const [values, setValues] = useState(initial);
  const [problems, setProblems] = useState<DeployProblems>({});
  const [yaml, setYaml] = useState<string | null>(null);
  const [deployed, setDeployed] = useState<DeployDto | null>(null);
  const preview = useAction(scaffoldSpinApp, { onSuccess: (d) => setYaml(d.yaml) });
  const deploy = useAction(deploySpinApp, {
    success: (d) => t("result.toast", { app: d.app_name ?? values.appName }),
    onSuccess: setDeployed,
  });
  const busy = preview.pending || deploy.pending;

  function set<K extends keyof DeployFormValues>(key: K, value: DeployFormValues[K]) {
    setValues((v) => ({ ...v, [key]: value }));
    // An edited field's complaint is about the old value; the next check says what is still wrong.
    setProblems(({ [key as DeployField]: _edited, ...rest }) => rest);
  }

  /** Client problems in the user's language, then whatever the server refused (its own words). */
  const errors: Partial<Record<DeployField, string[]>> = {};
  for (const [field, problem] of Object.entries(problems)) errors[field as DeployField] = [t(`errors.${problem}`)];
  for (const failure of [preview.failure, deploy.failure]) {
    for (const [field, messages] of Object.entries(failure?.fieldErrors ?? {}))
      (errors[formFieldOf(field)] ??= []).push(...messages);
  }

  function check(kind: "deploy" | "scaffold"): boolean {
    const found = deployProblems(values, kind, functionId);
    setProblems(found);
    return Object.keys(found).length === 0;
  }

  function onPreview() {
    if (busy || !check("scaffold")) return;
    deploy.clearFailure();
    void preview.run(toScaffoldInput(values));
  }

  function onDeploy(e: FormEvent) {
    e.preventDefault();
    if (busy || !check("deploy")) return;
    preview.clearFailure();
    setDeployed(null);
    void deploy.run(toDeployInput(values, functionId));
  }

  const failure = deploy.failure ?? preview.failure;
  return (
    <div className="space-y-4">
      <Card>
        <form onSubmit={onDeploy} noValidate className="space-y-5" aria-busy={busy} aria-labelledby="deploy-form-title">
          <h2 id="deploy-form-title" className="font-medium">
            {t("form.title")}
          </h2>
          <ImageField
            value={values.imageRef}
            onChange={(image) => set("imageRef", image)}
            choices={choices}
            errors={errors.imageRef}
            disabled={busy}
          />
          <DeployFields values={values} set={set} errors={errors} disabled={busy} />
          {errors._form ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-300">
              {errors._form.join(" ")}
            </p>
          ) : null}
          {failure ? (
            <ErrorPanel
              title={failure === deploy.failure ? t("form.deployFailed") : t("form.previewFailed")}
              message={failure.message}
              code={failure.code}
              requestId={failure.requestId}
            />
          ) : null}
          {deploy.pending ? <DeployProgress /> : null}
          <div className="flex flex-wrap justify-end gap-2">
            <Button onClick={onPreview} disabled={busy} aria-busy={preview.pending}>
              {preview.pending ? t("form.previewing") : t("form.preview")}
            </Button>
            <Button type="submit" variant="primary" disabled={!hydrated || busy} aria-busy={deploy.pending}>
              {deploy.pending ? t("form.deployingButton") : t("form.deploy")}
            </Button>
          </div>
        </form>
      </Card>
      {deployed ? <DeployResult result={deployed} testHref={functionHref(workspaceId, functionId, "test")} /> : null}
      {yaml !== null ? (
        <Card>
          <YamlPreview yaml={yaml} />
        </Card>
      ) : null}
    </div>
  );
}
