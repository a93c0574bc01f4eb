"use client";

import { useTranslations } from "next-intl";
import { type ChangeEvent } from "react";
import { TextInput } from "@/components/ui/field";
import type { DeployField, DeployFormValues } from "./deploy-form-model";

type Props = {
  values: DeployFormValues;
  set: <K extends keyof DeployFormValues>(key: K, value: DeployFormValues[K]) => void;
  errors: Partial<Record<DeployField, string[]>>;
  disabled: boolean;
};

/** Where and how the SpinApp runs: names, scaling, resources, scheduling. */
export function DeployFields({ values, set, errors, disabled }: Props) {
  const t = useTranslations("deploy.form");
  const text = (
    key:
      | "appName"
      | "namespace"
      | "replicas"
      | "cpuLimit"
      | "memoryLimit"
      | "cpuRequest"
      | "memoryRequest"
      | "serviceAccount",
  ) => ({
    value: values[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(key, e.target.value),
    errors: errors[key],
    disabled,
    autoComplete: "off",
    spellCheck: false,
  });
  return (
    <>
      <div className="grid gap-4 md:grid-cols-2">
        <TextInput label={t("appName")} hint={t("appNameHint")} {...text("appName")} />
        <TextInput label={t("namespace")} hint={t("namespaceHint")} {...text("namespace")} />
      </div>

      <p data-testid="deploy-time-note" className="text-xs text-zinc-500 dark:text-zinc-400">
        {t("deployTimeNote")}
      </p>
      <fieldset className="space-y-3" disabled={disabled}>
        <legend className="text-sm font-medium">{t("scaling")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.autoscaling} onChange={(e) => set("autoscaling", e.target.checked)} />
          {t("autoscaling")}
        </label>
        {values.autoscaling ? null : (
          <TextInput label={t("replicas")} hint={t("replicasHint")} inputMode="numeric" {...text("replicas")} />
        )}
      </fieldset>

      <fieldset className="space-y-3" disabled={disabled}>
        <legend className="text-sm font-medium">{values.autoscaling ? t("resourcesRequired") : t("resources")}</legend>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("resourcesHint")}</p>
        <div className="grid gap-4 md:grid-cols-2">
          <TextInput label={t("cpuLimit")} placeholder="500m" {...text("cpuLimit")} />
          <TextInput label={t("memoryLimit")} placeholder="128Mi" {...text("memoryLimit")} />
          <TextInput label={t("cpuRequest")} placeholder="100m" {...text("cpuRequest")} />
          <TextInput label={t("memoryRequest")} placeholder="64Mi" {...text("memoryRequest")} />
        </div>
      </fieldset>

      <fieldset className="space-y-3" disabled={disabled}>
        <legend className="text-sm font-medium">{t("scheduling")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={values.useSpot} onChange={(e) => set("useSpot", e.target.checked)} />
          {t("useSpot")}
        </label>
        <TextInput label={t("serviceAccount")} hint={t("serviceAccountHint")} {...text("serviceAccount")} />
      </fieldset>
    </>
  );
}
