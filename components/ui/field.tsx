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

type TextInputProps = InputHTMLAttributes<HTMLInputElement> & { label: ReactNode; hint?: ReactNode; errors?: string[] };

export function TextInput({ label, hint, errors, id, className, ...props }: TextInputProps) {
  const fallback = useId();
  const inputId = id ?? fallback;
  const invalid = !!errors?.length;
  return (
    <FieldShell id={inputId} label={label} hint={hint} errors={errors}>
      <input
        id={inputId}
        aria-invalid={invalid || undefined}
        aria-describedby={`${hint ? `${inputId}-hint ` : ""}${inputId}-error`}
        className={cn(control, controlBorder(invalid), className)}
        {...props}
      />
    </FieldShell>
  );
}

type TextAreaProps = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: ReactNode; hint?: ReactNode; errors?: string[] };

export function TextArea({ label, hint, errors, id, className, ...props }: TextAreaProps) {
  const fallback = useId();
  const inputId = id ?? fallback;
  const invalid = !!errors?.length;
  return (
    <FieldShell id={inputId} label={label} hint={hint} errors={errors}>
      <textarea
        id={inputId}
        aria-invalid={invalid || undefined}
        aria-describedby={`${hint ? `${inputId}-hint ` : ""}${inputId}-error`}
        className={cn(control, controlBorder(invalid), className)}
        {...props}
      />
    </FieldShell>
  );
}
