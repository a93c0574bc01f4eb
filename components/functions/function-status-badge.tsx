import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { FunctionStatus } from "@/lib/contract";

export function FunctionStatusBadge({ status }: { status: FunctionStatus }) {
  const t = useTranslations("functions.status");
  return (
    <span
      data-status={status}
      className={cn(
        "inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium",
        status === "active"
          ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300"
          : "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
      )}
    >
      <span
        aria-hidden
        className={cn("h-1.5 w-1.5 rounded-full", status === "active" ? "bg-emerald-500" : "bg-zinc-400")}
      />
      {t(status)}
    </span>
  );
}
