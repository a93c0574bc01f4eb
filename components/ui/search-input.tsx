"use client";

import { type InputHTMLAttributes, useId } from "react";
import { cn } from "./cn";

type SearchInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { label: string };

/** A search box whose label is read by assistive tech but not shown (the placeholder says the same). */
export function SearchInput({ label, className, id, ...props }: SearchInputProps) {
  const fallback = useId();
  const inputId = id ?? fallback;
  return (
    <div className={cn("relative", className)}>
      <label htmlFor={inputId} className="sr-only">
        {label}
      </label>
      <svg
        aria-hidden
        viewBox="0 0 20 20"
        className="pointer-events-none absolute left-2.5 top-1/2 h-4 w-4 -translate-y-1/2 fill-zinc-400"
      >
        <path d="M8.5 3a5.5 5.5 0 0 1 4.38 8.82l3.65 3.65a.75.75 0 1 1-1.06 1.06l-3.65-3.65A5.5 5.5 0 1 1 8.5 3Zm0 1.5a4 4 0 1 0 0 8 4 4 0 0 0 0-8Z" />
      </svg>
      <input
        id={inputId}
        type="search"
        autoComplete="off"
        className="block h-9 w-full rounded-md border border-zinc-300 bg-white pl-8 pr-3 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-950"
        {...props}
      />
    </div>
  );
}
