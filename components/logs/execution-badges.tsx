import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { ExecutionLogDto } from "@/lib/dto/logs";

const pill = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium";

export function ExecutionStatusBadge({ status }: { status: ExecutionLogDto["status"] }) {
  const t = useTranslations("logs.executions.statusOptions");
  return (
    <span
      data-status={status}
      className={cn(
        pill,
        status === "success"
          ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300"
          : "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
      )}
    >
      {t(status)}
    </span>
  );
}

const LEVEL_STYLE: Record<ExecutionLogDto["level"], string> = {
  info: "bg-sky-100 text-sky-800 dark:bg-sky-500/15 dark:text-sky-300",
  warn: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-300",
  error: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
};

export function LevelBadge({ level }: { level: ExecutionLogDto["level"] }) {
  const t = useTranslations("logs.executions.levelOptions");
  return (
    <span data-level={level} className={cn(pill, LEVEL_STYLE[level])}>
      {t(level)}
    </span>
  );
}
