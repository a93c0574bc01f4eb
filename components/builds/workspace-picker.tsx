"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";

/** Keeps the chosen workspace in the query string so the view is shareable. */
export function WorkspacePicker({
  workspaces,
  selected,
}: {
  workspaces: { id: string; name: string }[];
  selected: string;
}) {
  const t = useTranslations("builds");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span>{t("workspace")}</span>
      <select
        className="h-9 rounded-md border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900"
        value={selected}
        onChange={(e) => {
          const next = new URLSearchParams(params);
          next.set("workspace", e.target.value);
          router.push(`${pathname}?${next.toString()}`);
        }}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
      </select>
    </label>
  );
}
