"use client";

import * as Tabs from "@radix-ui/react-tabs";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { ExecutionLogsPanel } from "./execution-logs-panel";
import { LiveTailPanel } from "./live-tail-panel";
import { useSearchState } from "./use-search-state";

const VIEWS = ["executions", "live"] as const;
type View = (typeof VIEWS)[number];

const readView = (value: string | null): View => (value === "live" ? "live" : "executions");

/**
 * Two sources, two tabs (`?view=executions|live`). Only the active tab is mounted, so the Loki tail
 * polls only while watched, and each tab owns its loading, empty and error states.
 */
export function LogsTabs({ workspaceId, functionId }: { workspaceId: string; functionId: string }) {
  const t = useTranslations("logs");
  const [params, write] = useSearchState();
  const view = readView(params.get("view"));
  const trigger = cn(
    "border-b-2 px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
    "data-[state=active]:border-brand-600 data-[state=active]:text-brand-700 dark:data-[state=active]:text-brand-100",
    "data-[state=inactive]:border-transparent data-[state=inactive]:text-zinc-600 hover:text-zinc-900 dark:data-[state=inactive]:text-zinc-400 dark:hover:text-zinc-100",
  );
  return (
    <Tabs.Root
      value={view}
      onValueChange={(next) => {
        const p = new URLSearchParams(params);
        p.set("view", readView(next));
        write(p, "push");
      }}
    >
      <Tabs.List aria-label={t("tabsLabel")} className="mb-4 flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
        {VIEWS.map((v) => (
          <Tabs.Trigger key={v} value={v} className={trigger}>
            {t(`tabs.${v}`)}
          </Tabs.Trigger>
        ))}
      </Tabs.List>
      <Tabs.Content
        value="executions"
        className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-600"
      >
        <ExecutionLogsPanel workspaceId={workspaceId} functionId={functionId} />
      </Tabs.Content>
      <Tabs.Content
        value="live"
        className="rounded-md focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-600"
      >
        <LiveTailPanel functionId={functionId} />
      </Tabs.Content>
    </Tabs.Root>
  );
}
