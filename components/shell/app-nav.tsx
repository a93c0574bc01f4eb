"use client";

import { Link } from "@/components/ui/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";

const items = [
  { href: "/", key: "dashboard", match: (p: string) => p === "/" },
  { href: "/workspaces", key: "workspaces", match: (p: string) => p.startsWith("/workspaces") },
  { href: "/builds", key: "builds", match: (p: string) => p.startsWith("/builds") },
  { href: "/audit", key: "audit", match: (p: string) => p.startsWith("/audit"), adminOnly: true },
] as const;

/** `isAdmin` shows the admins' pages (the Audit log); the pages check the role again. */
export function AppNav({ isAdmin = false }: { isAdmin?: boolean }) {
  const t = useTranslations("shell.nav");
  const pathname = usePathname();
  return (
    <nav aria-label={t("label")} className="flex flex-col gap-1">
      {items
        .filter((item) => isAdmin || !("adminOnly" in item))
        .map((item) => {
          const active = item.match(pathname);
          return (
            <Link
              key={item.href}
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "rounded-md px-3 py-2 text-sm font-medium",
                active
                  ? "bg-brand-50 text-brand-700 dark:bg-brand-500/15 dark:text-brand-100"
                  : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
              )}
            >
              {t(item.key)}
            </Link>
          );
        })}
    </nav>
  );
}
