import { useFormatter, useTranslations } from "next-intl";
import { Stat } from "@/components/ui/stat";
import type { DashboardTotals } from "@/lib/dto/dashboard";
import { FigureChange } from "./figure-change";

type Key = keyof DashboardTotals;

/** The headline figures, each with its change since the previous snapshot when there is one. */
export function HeadlineFigures({ totals, previous }: { totals: DashboardTotals; previous: DashboardTotals | null }) {
  const t = useTranslations("dashboard.figures");
  const format = useFormatter();
  const value = (key: Key, v: number | null) => {
    if (v === null) return "—";
    if (key === "errorRate") return format.number(v / 100, { style: "percent", maximumFractionDigits: 2 });
    if (key === "avgDuration") return t("ms", { value: format.number(v, { maximumFractionDigits: v < 10 ? 1 : 0 }) });
    return format.number(v, { notation: v >= 100_000 ? "compact" : "standard", maximumFractionDigits: 1 });
  };
  const keys: Key[] = ["workspaces", "functions", "invocations24h", "errors24h", "errorRate", "avgDuration"];
  return (
    <dl className="grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-6" data-testid="headline-figures">
      {keys.map((key) => (
        <Stat
          key={key}
          label={t(key)}
          value={<span data-figure={key}>{value(key, totals[key])}</span>}
          hint={<FigureChange figure={key} now={totals[key]} before={previous ? previous[key] : null} />}
        />
      ))}
    </dl>
  );
}
