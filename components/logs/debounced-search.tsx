"use client";

import { useEffect, useId, useRef, useState } from "react";

/**
 * A search box whose value reaches the URL a moment after typing stops, so each keystroke neither
 * rewrites history nor re-filters 1000 rows. A value changed from outside (back button) is taken over.
 */
export function DebouncedSearch({
  label,
  placeholder,
  value,
  onChange,
  delayMs = 250,
}: {
  label: string;
  placeholder?: string;
  value: string;
  onChange: (value: string) => void;
  delayMs?: number;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  // A new value that is not our own echo came from outside: adopt it during render, not in an effect.
  if (value !== seen) {
    setSeen(value);
    if (value !== sent) setText(value);
  }
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <div className="flex min-w-48 flex-1 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-zinc-600 dark:text-zinc-400">
        {label}
      </label>
      <input
        id={id}
        type="search"
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => {
            setSent(next);
            onChange(next);
          }, delayMs);
        }}
        className="h-9 rounded-md border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      />
    </div>
  );
}
