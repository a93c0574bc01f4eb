"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { cn } from "@/components/ui/cn";
import { formatMegabytes } from "./build-file";

type Props = {
  file: File | null;
  onFile: (file: File | null) => void;
  maxBytes: number;
  errors?: string[];
  disabled?: boolean;
};

/**
 * A real, labelled file input (keyboard and screen readers use it as is); the surrounding zone also
 * accepts a dropped file, as an extra.
 */
export function FileDropField({ file, onFile, maxBytes, errors, disabled }: Props) {
  const t = useTranslations("builds.newBuild");
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const invalid = !!errors?.length;
  return (
    <div
      onDragOver={(e) => {
        if (disabled) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const dropped = e.dataTransfer.files[0];
        if (disabled || !dropped) return;
        // Mirror the drop into the input so what it shows and what is sent stay the same file.
        if (input.current) input.current.files = e.dataTransfer.files;
        onFile(dropped);
      }}
      className={cn(
        "rounded-lg border-2 border-dashed p-4 transition-colors",
        over
          ? "border-brand-500 bg-brand-50 dark:bg-brand-500/10"
          : invalid
            ? "border-red-400"
            : "border-zinc-300 dark:border-zinc-700",
      )}
    >
      <label htmlFor={id} className="block text-sm font-medium">
        {t("file")}
      </label>
      <input
        ref={input}
        id={id}
        name="file"
        type="file"
        accept=".py,.zip"
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint ${id}-error`}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
        className="mt-2 block w-full text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium dark:file:border-zinc-700 dark:file:bg-zinc-900 dark:file:text-zinc-100"
      />
      <p id={`${id}-hint`} className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
        {file
          ? t("chosen", { name: file.name, size: formatMegabytes(file.size) })
          : t("fileHint", { max: formatMegabytes(maxBytes) })}
      </p>
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
