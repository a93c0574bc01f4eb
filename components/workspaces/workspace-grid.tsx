"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactNode, useMemo, useState } from "react";
import { replaceQuery } from "@/components/navigation/replace-query";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SearchInput } from "@/components/ui/search-input";
import type { WorkspaceDto } from "@/lib/dto/workspace";
import { matchesWorkspace } from "@/lib/workspaces/search";
import { WorkspaceCard } from "./workspace-card";

/**
 * The workspace cards with a search box. Filtering runs in the browser (the list is already here);
 * the words typed live in `?q=` so a reload or a shared link shows the same cards.
 */
export function WorkspaceGrid({ workspaces, emptyAction }: { workspaces: WorkspaceDto[]; emptyAction?: ReactNode }) {
  const t = useTranslations("workspaces");
  const params = useSearchParams();
  const [q, setQ] = useState(() => params.get("q") ?? "");
  const shown = useMemo(() => workspaces.filter((w) => matchesWorkspace(w, q)), [workspaces, q]);

  const search = (value: string) => {
    setQ(value);
    const next = new URLSearchParams(window.location.search);
    if (value.trim()) next.set("q", value);
    else next.delete("q");
    replaceQuery(next);
  };

  if (workspaces.length === 0) {
    return <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} action={emptyAction} />;
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <SearchInput
          label={t("search.label")}
          placeholder={t("search.placeholder")}
          value={q}
          onChange={(e) => search(e.target.value)}
          className="w-full max-w-sm"
        />
        <p aria-live="polite" className="text-sm text-zinc-500 dark:text-zinc-400">
          {t("search.results", { shown: shown.length, total: workspaces.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState
          title={t("search.noMatchesTitle", { q: q.trim() })}
          description={t("search.noMatchesDescription")}
          action={<Button onClick={() => search("")}>{t("search.clear")}</Button>}
        />
      ) : (
        <ul className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
          {shown.map((w) => (
            <li key={w.id}>
              <WorkspaceCard workspace={w} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
