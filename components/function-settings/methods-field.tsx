"use client";

import { useTranslations } from "next-intl";
import { HTTP_METHODS } from "@/lib/contract/function";

type MethodsFieldProps = {
  value: string[];
  onChange: (methods: string[]) => void;
  disabled: boolean;
  errors: string[];
};

/** The HTTP methods the function answers, one checkbox each, kept in the contract's order. */
export function MethodsField({ value, onChange, disabled, errors }: MethodsFieldProps) {
  const t = useTranslations("functionSettings.fields");
  const toggle = (method: string, on: boolean) =>
    onChange(on ? HTTP_METHODS.filter((m) => m === method || value.includes(m)) : value.filter((m) => m !== method));
  return (
    <fieldset className="space-y-1" aria-describedby="methods-error">
      <legend className="text-sm font-medium">{t("httpMethods")}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2 pt-1">
        {HTTP_METHODS.map((m) => (
          <label key={m} className="inline-flex items-center gap-1.5 font-mono text-sm">
            <input
              type="checkbox"
              checked={value.includes(m)}
              disabled={disabled}
              onChange={(e) => toggle(m, e.target.checked)}
              className="h-4 w-4 accent-brand-600"
            />
            {m}
          </label>
        ))}
      </div>
      <div id="methods-error" aria-live="polite">
        {errors.map((e) => (
          <p key={e} className="text-xs text-red-700 dark:text-red-300">
            {e}
          </p>
        ))}
      </div>
    </fieldset>
  );
}
