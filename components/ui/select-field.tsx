"use client";

import { type ReactNode, type SelectHTMLAttributes, useId } from "react";
import { cn } from "@/components/ui/cn";
import { FieldShell } from "@/components/ui/field";

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
};

/** A native select in the console's field shell: label, hint and errors wired for assistive tech. */
export function SelectField({ label, hint, errors, id, className, children, ...props }: SelectFieldProps) {
  const fallback = useId();
  const selectId = id ?? fallback;
  const invalid = !!errors?.length;
  return (
    <FieldShell id={selectId} label={label} hint={hint} errors={errors}>
      <select
        id={selectId}
        aria-invalid={invalid || undefined}
        aria-describedby={`${hint ? `${selectId}-hint ` : ""}${selectId}-error`}
        className={cn(
          "block h-9 w-full rounded-md border bg-white px-2 text-sm shadow-sm disabled:cursor-not-allowed dark:bg-zinc-950",
          invalid ? "border-red-500" : "border-zinc-300 dark:border-zinc-700",
          className,
        )}
        {...props}
      >
        {children}
      </select>
    </FieldShell>
  );
}
