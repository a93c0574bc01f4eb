"use client";

import { Link } from "@/components/ui/link";
import { useSelectedLayoutSegment } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

export const FUNCTION_TABS = ["code", "settings", "test", "logs", "metrics", "deploy"] as const;
export type FunctionTab = (typeof FUNCTION_TABS)[number];

/** Tabs are routes (`…/functions/{id}/{tab}`), so every tab has a stable, shareable link. */
export function FunctionTabs({ basePath }: { basePath: string }) {
  const t = useTranslations("functions.tabs");
  const active = useSelectedLayoutSegment();
  return (
    <nav aria-label={t("label")} className="border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {FUNCTION_TABS.map((tab) => (
          <li key={tab}>
            <Link
              href={`${basePath}/${tab}`}
              aria-current={active === tab ? "page" : undefined}
              className={cn(
                "inline-block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                active === tab
                  ? "border-brand-600 text-brand-700 dark:border-brand-500 dark:text-brand-100"
                  : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100",
              )}
            >
              {t(tab)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
