import { useFormatter } from "next-intl";
import { cn } from "@/components/ui/cn";
import { errorRateBand } from "@/lib/format/error-rate";

const bandClass = {
  none: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
  low: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  elevated: "bg-amber-100 text-amber-800 dark:bg-amber-500/15 dark:text-amber-300",
  high: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
} as const;

export function ErrorRateBadge({ rate, invocations }: { rate: number; invocations: number }) {
  const format = useFormatter();
  const band = errorRateBand(rate, invocations);
  return (
    <span
      data-band={band}
      className={cn("inline-flex rounded-full px-2 py-0.5 text-xs font-medium tabular-nums", bandClass[band])}
    >
      {format.number(rate / 100, { style: "percent", maximumFractionDigits: 1 })}
    </span>
  );
}
