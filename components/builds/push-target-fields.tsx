"use client";

import { useTranslations } from "next-intl";
import { ErrorPanel } from "@/components/ui/error-panel";
import { TextInput } from "@/components/ui/field";
import { Skeleton } from "@/components/ui/skeleton";
import type { ApiError } from "@/lib/api/api-error";
import { registryUrlOf, type PushTarget, type PushTargetField } from "./push-target";
import { SelectField } from "@/components/ui/select-field";

type Props = {
  value: PushTarget;
  onChange: (next: PushTarget) => void;
  registries: string[] | null;
  loading: boolean;
  error: ApiError | null;
  errors: Partial<Record<PushTargetField, string[]>>;
  tagHint: string;
  disabled?: boolean;
};

/** Registry picker, repository and tag. Offers only the registries the console holds credentials for. */
export function PushTargetFields({ value, onChange, registries, loading, error, errors, tagHint, disabled }: Props) {
  const t = useTranslations("builds.push");
  if (loading) return <Skeleton className="h-24 w-full" />;
  if (error)
    return (
      <ErrorPanel title={t("registriesFailed")} message={error.message} code={error.code} requestId={error.requestId} />
    );
  if (!registries || registries.length === 0) return <NoRegistryNotice />;
  const preview = value.registry ? `${registryUrlOf(value)}:${value.tag || "…"}` : null;
  return (
    <div className="space-y-3">
      <SelectField
        label={t("registry")}
        value={value.registry}
        disabled={disabled}
        errors={errors.registry}
        onChange={(e) => onChange({ ...value, registry: e.target.value })}
      >
        <option value="">{t("chooseRegistry")}</option>
        {registries.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </SelectField>
      <TextInput
        label={t("repository")}
        hint={t("repositoryHint")}
        value={value.repository}
        disabled={disabled}
        errors={errors.repository}
        autoComplete="off"
        onChange={(e) => onChange({ ...value, repository: e.target.value })}
      />
      <TextInput
        label={t("tag")}
        hint={tagHint}
        value={value.tag}
        disabled={disabled}
        errors={errors.tag}
        autoComplete="off"
        onChange={(e) => onChange({ ...value, tag: e.target.value })}
      />
      {preview ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          {t("imagePreview")} <code className="break-all font-mono">{preview}</code>
        </p>
      ) : null}
    </div>
  );
}

/** Without a configured registry nothing can be pushed; say who can change that and how. */
export function NoRegistryNotice() {
  const t = useTranslations("builds.push");
  return (
    <div
      role="note"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700/60 dark:bg-amber-950/40 dark:text-amber-200"
    >
      <p className="font-medium">{t("noRegistryTitle")}</p>
      <p className="mt-1">{t("noRegistryBody")}</p>
      <pre className="mt-2 overflow-x-auto rounded bg-white/70 p-2 font-mono text-xs dark:bg-zinc-900/70">
        {'REGISTRY_CREDENTIALS=[{"url":"123456789012.dkr.ecr.ap-northeast-2.amazonaws.com/team","auth":"irsa"}]'}
      </pre>
    </div>
  );
}
