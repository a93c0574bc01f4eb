import { useFormatter, useTranslations } from "next-intl";
import type { DashboardTotals } from "@/lib/dto/dashboard";

/** Up is bad for errors, error rate and duration; for the rest a change is just a change. */
const WORSE_WHEN_UP: ReadonlySet<keyof DashboardTotals> = new Set(["errors24h", "errorRate", "avgDuration"]);

export function FigureChange({
  figure,
  now,
  before,
}: {
  figure: keyof DashboardTotals;
  now: number | null;
  before: number | null;
}) {
  const t = useTranslations("dashboard.change");
  const format = useFormatter();
  if (before === null || now === null) return <span>{t("none")}</span>;
  const delta = now - before;
  if (Math.abs(delta) < 1e-9) return <span>{t("same")}</span>;
  const amount =
    figure === "errorRate"
      ? t("points", { value: format.number(Math.abs(delta), { maximumFractionDigits: 2 }) })
      : figure === "avgDuration"
        ? t("ms", { value: format.number(Math.abs(delta), { maximumFractionDigits: 1 }) })
        : format.number(Math.abs(delta));
  const worse = WORSE_WHEN_UP.has(figure) ? delta > 0 : false;
  return (
    <span className={worse ? "font-medium text-red-700 dark:text-red-300" : undefined}>
      {delta > 0 ? t("up", { amount }) : t("down", { amount })}
    </span>
  );
}
