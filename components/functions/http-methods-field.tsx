"use client";

import { useTranslations } from "next-intl";
import { Fieldset } from "@/components/forms/fieldset";
import { HTTP_METHODS } from "@/lib/contract/rules";

type Props = { value: string[]; onChange: (methods: string[]) => void; errors?: string[] };

/** The methods a function answers, as a checkbox group; the order sent is always the contract's order. */
export function HttpMethodsField({ value, onChange, errors }: Props) {
  const t = useTranslations("functions.form");
  const invalid = !!errors?.length;
  return (
    <Fieldset id="httpMethods" legend={t("httpMethods")} hint={t("httpMethodsHint")} errors={errors}>
      <div className="flex flex-wrap gap-2">
        {HTTP_METHODS.map((m, i) => (
          <label
            key={m}
            className="flex items-center gap-2 rounded-md border border-zinc-300 px-2.5 py-1.5 font-mono text-xs has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-zinc-700 dark:has-[:checked]:bg-brand-500/15"
          >
            <input
              type="checkbox"
              name="httpMethods"
              value={m}
              checked={value.includes(m)}
              // The first box carries the group's invalid state so a refused submit can focus it.
              aria-invalid={invalid && i === 0 ? true : undefined}
              onChange={(e) => onChange(HTTP_METHODS.filter((x) => (x === m ? e.target.checked : value.includes(x))))}
            />
            {m}
          </label>
        ))}
      </div>
    </Fieldset>
  );
}
