"use client";

import { useTranslations } from "next-intl";
import { SelectField } from "@/components/ui/select-field";
import { TextInput } from "@/components/ui/field";
import type { ImageChoice } from "./deploy-form-model";

type Props = {
  value: string;
  onChange: (image: string) => void;
  choices: ImageChoice[];
  errors?: string[];
  disabled?: boolean;
};

/** Any image reference may be typed; the workspace's pushed images are one pick away. */
export function ImageField({ value, onChange, choices, errors, disabled }: Props) {
  const t = useTranslations("deploy.form");
  const picked = choices.some((c) => c.image === value) ? value : "";
  return (
    <div className="space-y-3">
      <TextInput
        label={t("imageRef")}
        hint={t("imageRefHint")}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        errors={errors}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        className="font-mono"
      />
      {choices.length > 0 ? (
        <SelectField
          label={t("imageChoice")}
          value={picked}
          disabled={disabled}
          onChange={(e) => e.target.value && onChange(e.target.value)}
        >
          <option value="">{t("imageChoicePlaceholder")}</option>
          {choices.map((c) => (
            <option key={c.taskId} value={c.image}>
              {t("imageChoiceOption", { image: c.image, app: c.appName ?? "—", task: c.taskId.slice(0, 8) })}
            </option>
          ))}
        </SelectField>
      ) : (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("noImages")}</p>
      )}
    </div>
  );
}
