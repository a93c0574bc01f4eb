import { Link } from "@/components/ui/link";
import { type ReactNode } from "react";
import { cn } from "./cn";

export type Crumb = { label: ReactNode; href?: string; mono?: boolean };

/** The way back up: linked ancestors, then the current page (the last crumb, unlinked). */
export function Breadcrumbs({ label, items, className }: { label: string; items: Crumb[]; className?: string }) {
  return (
    <nav aria-label={label} className={cn("text-sm text-zinc-500 dark:text-zinc-400", className)}>
      <ol className="flex flex-wrap items-center gap-1">
        {items.map((item, i) => (
          <li key={i} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden>/</span> : null}
            {item.href ? (
              <Link href={item.href} className={cn("hover:underline", item.mono && "font-mono text-xs")}>
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className={cn(item.mono && "font-mono text-xs")}>
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
