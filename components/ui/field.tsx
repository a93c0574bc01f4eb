"use client";

import { type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes, useId } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm disabled:cursor-not-allowed disabled:bg-zinc-100 dark:bg-zinc-950 dark:disabled:bg-zinc-900";
const controlBorder = (invalid: boolean) =>
  invalid ? "border-red-500 dark:border-red-500" : "border-zinc-300 dark:border-zinc-700";

type FieldShellProps = { id: string; label: ReactNode; hint?: ReactNode; errors?: string[]; children: ReactNode };

/** Label, control, hint and errors wired together: errors are announced and linked with aria-describedby. */
export function FieldShell({ id, label, hint, errors, children }: FieldShellProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      <div id={`${id}-error`} aria-live="polite">
        {errors?.map((e) => (
          <p key={e} className="text-xs text-red-700 dark:text-red-300">
            {e}
          </p>
        ))}
      </div>
    </div>
  );
}

type FieldProps = { label: ReactNode; hint?: ReactNode; errors?: string[] };

/** The id, validity and description links every control needs, and its look. */
function useControl(
  id: string | undefined,
  hint: ReactNode,
  errors: string[] | undefined,
  className: string | undefined,
) {
  const fallback = useId();
  const controlId = id ?? fallback;
  const invalid = !!errors?.length;
  return {
    id: controlId,
    "aria-invalid": invalid || undefined,
    "aria-describedby": `${hint ? `${controlId}-hint ` : ""}${controlId}-error`,
    className: cn(control, controlBorder(invalid), className),
  };
}

export function TextInput({
  label,
  hint,
  errors,
  id,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  const attrs = useControl(id, hint, errors, className);
  return (
    <FieldShell id={attrs.id} label={label} hint={hint} errors={errors}>
      <input {...attrs} {...props} />
    </FieldShell>
  );
}

export function TextArea({
  label,
  hint,
  errors,
  id,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  const attrs = useControl(id, hint, errors, className);
  return (
    <FieldShell id={attrs.id} label={label} hint={hint} errors={errors}>
      <textarea {...attrs} {...props} />
    </FieldShell>
  );
}
