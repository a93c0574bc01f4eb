import { type ReactNode } from "react";
import { Card } from "./card";

export function Stat({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Card>
      <dt className="text-sm text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{hint}</dd> : null}
    </Card>
  );
}
