import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { BuildStatus } from "@/lib/contract";

const statusClass: Record<BuildStatus, string> = {
  pending: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  running: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  completed: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  done: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
};

export function TaskStatusBadge({ status }: { status: BuildStatus }) {
  const t = useTranslations("builds.status");
  return (
    <span className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium", statusClass[status])}>
      {t(status)}
    </span>
  );
}
