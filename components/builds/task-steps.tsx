import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import type { BuildStatus } from "@/lib/contract";

type StepState = "done" | "current" | "upcoming" | "failed";

function states(status: BuildStatus): [StepState, StepState, StepState] {
  switch (status) {
    case "pending":
      return ["current", "upcoming", "upcoming"];
    case "running":
      return ["done", "current", "upcoming"];
    case "failed":
      return ["done", "done", "failed"];
    default:
      return ["done", "done", "done"];
  }
}

const dot: Record<StepState, string> = {
  done: "bg-emerald-500 border-emerald-500",
  current: "bg-sky-500 border-sky-500 animate-pulse",
  upcoming: "bg-transparent border-zinc-300 dark:border-zinc-600",
  failed: "bg-red-500 border-red-500",
};

/** Queued → running → finished, as far as the task's status tells. */
export function TaskSteps({ status }: { status: BuildStatus }) {
  const t = useTranslations("builds.steps");
  const labels = ["queued", "running", status === "failed" ? "failed" : "finished"] as const;
  const current = states(status);
  return (
    <ol className="flex flex-wrap items-center gap-x-6 gap-y-2" aria-label={t("label")}>
      {labels.map((label, i) => (
        <li
          key={label}
          className="flex items-center gap-2 text-sm"
          aria-current={current[i] === "current" ? "step" : undefined}
        >
          <span aria-hidden className={cn("inline-block h-3 w-3 rounded-full border-2", dot[current[i]!])} />
          <span
            className={cn(
              current[i] === "upcoming" && "text-zinc-400 dark:text-zinc-500",
              current[i] === "failed" && "font-medium text-red-700 dark:text-red-300",
            )}
          >
            {t(label)}
          </span>
          <span className="sr-only">({t(`state.${current[i]!}`)})</span>
        </li>
      ))}
    </ol>
  );
}
