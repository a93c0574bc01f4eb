import { type ReactNode } from "react";

/** A group of controls (checkboxes, radios, rows) with a legend, a hint and announced errors. */
export function Fieldset({
  id,
  legend,
  hint,
  errors,
  children,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={`${id}-error`}>
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p> : null}
      {children}
      <div id={`${id}-error`} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="text-xs text-red-700 dark:text-red-300">
            {e}
          </p>
        ))}
      </div>
    </fieldset>
  );
}
