"use client";

import { useTranslations } from "next-intl";
import { TextInput } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { MEMORY_MAX, MEMORY_MIN } from "@/lib/contract/rules";
import { MEMORY_PRESETS } from "@/lib/templates/function-templates";

type Props = { value: string; onChange: (value: string) => void; errors?: string[] };

/** Any whole number of MB in range, with one-click presets for the sizes people usually pick. */
export function MemoryField({ value, onChange, errors }: Props) {
  const t = useTranslations("functions.form");
  return (
    <div className="space-y-2">
      <TextInput
        id="memory"
        label={t("memory")}
        hint={t("memoryHint", { min: MEMORY_MIN, max: MEMORY_MAX })}
        type="number"
        inputMode="numeric"
        min={MEMORY_MIN}
        max={MEMORY_MAX}
        step={1}
        value={value}
        errors={errors}
        onChange={(e) => onChange(e.target.value)}
      />
      <div role="group" aria-label={t("memoryPresets")} className="flex flex-wrap gap-1.5">
        {MEMORY_PRESETS.map((mb) => (
          <Button
            key={mb}
            size="sm"
            aria-pressed={value === String(mb)}
            className="aria-pressed:border-brand-600 aria-pressed:bg-brand-50 dark:aria-pressed:bg-brand-500/15"
            onClick={() => onChange(String(mb))}
          >
            {t("memoryPreset", { value: mb })}
          </Button>
        ))}
      </div>
    </div>
  );
}
