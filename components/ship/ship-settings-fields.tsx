"use client";

import { useTranslations } from "next-intl";
import { TextInput } from "@/components/ui/field";
import type { ShipSettings } from "@/lib/ship/settings";

export type SettingsDraft = { app_name: string; namespace: string; replicas: string; use_spot: boolean };

export function toDraft(s: ShipSettings): SettingsDraft {
  return { app_name: s.app_name, namespace: s.namespace, replicas: String(s.replicas ?? 1), use_spot: s.use_spot };
}

/** The draft over the remembered settings; the contract schema checks it on the server. */
export function fromDraft(base: ShipSettings, d: SettingsDraft): ShipSettings {
  const replicas = /^\d+$/.test(d.replicas.trim()) ? Number(d.replicas.trim()) : Number.NaN;
  return { ...base, app_name: d.app_name.trim(), namespace: d.namespace.trim(), replicas, use_spot: d.use_spot };
}

/** The few settings a first deploy asks to confirm; the rest keep their remembered values. */
export function ShipSettingsFields({
  draft,
  onChange,
  registries,
  registry,
  onRegistry,
  fieldErrors,
}: {
  draft: SettingsDraft;
  onChange: (d: SettingsDraft) => void;
  registries: string[];
  registry: string;
  onRegistry: (r: string) => void;
  fieldErrors?: Record<string, string[]>;
}) {
  const t = useTranslations("ship.panel");
  const errs = (name: string) => fieldErrors?.[name] ?? fieldErrors?.[`settings.${name}`];
  return (
    <fieldset className="grid gap-3 sm:grid-cols-2">
      <legend className="sr-only">{t("settingsTitle")}</legend>
      {registries.length > 1 ? (
        <label className="flex flex-col gap-1 text-sm sm:col-span-2">
          <span className="font-medium">{t("registry")}</span>
          <select
            value={registry}
            onChange={(e) => onRegistry(e.target.value)}
            className="rounded-md border border-zinc-300 bg-white px-3 py-2 dark:border-zinc-700 dark:bg-zinc-900"
          >
            <option value="">{t("chooseRegistry")}</option>
            {registries.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <TextInput
        label={t("appName")}
        value={draft.app_name}
        onChange={(e) => onChange({ ...draft, app_name: e.target.value })}
        errors={errs("app_name")}
      />
      <TextInput
        label={t("namespace")}
        value={draft.namespace}
        onChange={(e) => onChange({ ...draft, namespace: e.target.value })}
        errors={errs("namespace")}
      />
      <TextInput
        label={t("replicas")}
        inputMode="numeric"
        value={draft.replicas}
        onChange={(e) => onChange({ ...draft, replicas: e.target.value })}
        errors={errs("replicas")}
      />
      <label className="flex items-center gap-2 self-end text-sm">
        <input
          type="checkbox"
          checked={draft.use_spot}
          onChange={(e) => onChange({ ...draft, use_spot: e.target.checked })}
        />
        {t("useSpot")}
      </label>
    </fieldset>
  );
}
