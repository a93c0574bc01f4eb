"use client";

import { useTranslations } from "next-intl";
import { Fieldset } from "@/components/forms/fieldset";
import { FUNCTION_TEMPLATE_IDS, FUNCTION_TEMPLATES, type FunctionTemplateId } from "@/lib/templates/function-templates";

type Props = { value: FunctionTemplateId; onChange: (id: FunctionTemplateId) => void; errors?: string[] };

/** The function's first code: a plain handler or a Spin component, previewed before creating. */
export function TemplatePicker({ value, onChange, errors }: Props) {
  const t = useTranslations("functions.form.template");
  return (
    <Fieldset id="code" legend={t("legend")} hint={t("hint")} errors={errors}>
      <div className="grid gap-2 md:grid-cols-2">
        {FUNCTION_TEMPLATE_IDS.map((id) => (
          <label
            key={id}
            className="flex cursor-pointer gap-3 rounded-md border border-zinc-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-zinc-700 dark:has-[:checked]:bg-brand-500/15"
          >
            <input
              type="radio"
              name="template"
              value={id}
              checked={value === id}
              onChange={() => onChange(id)}
              className="mt-1"
            />
            <span className="text-sm font-medium">
              {t(`${id}.name`)}
              <span className="block text-xs font-normal text-zinc-600 dark:text-zinc-400">
                {t(`${id}.description`)}
              </span>
            </span>
          </label>
        ))}
      </div>
      <details className="rounded-md border border-zinc-200 dark:border-zinc-800">
        <summary className="cursor-pointer px-3 py-2 text-sm">{t("preview")}</summary>
        <pre className="max-h-72 overflow-auto border-t border-zinc-200 bg-zinc-50 p-3 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">
          {FUNCTION_TEMPLATES[value]}
        </pre>
      </details>
    </Fieldset>
  );
}
