"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { SavedEvent } from "./invoke-store";

type SavedEventsProps = {
  events: SavedEvent[];
  /** Saves the current payload under `name`; false when the browser refused to store it. */
  onSave: (name: string) => boolean;
  onLoad: (event: SavedEvent) => void;
  onDelete: (event: SavedEvent) => void;
  canSave: boolean;
};

/** Named payloads kept in this browser for this function, to run the same test again later. */
export function SavedEvents({ events, onSave, onLoad, onDelete, canSave }: SavedEventsProps) {
  const t = useTranslations("testInvoke.events");
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const trimmed = name.trim();
  const replaces = events.some((e) => e.name === trimmed);

  return (
    <section aria-labelledby="saved-events" className="space-y-2">
      <h2 id="saved-events" className="text-sm font-medium">
        {t("title")}
      </h2>
      <form
        className="flex gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          if (!trimmed || !canSave) return;
          if (onSave(trimmed)) {
            setName("");
            setError(null);
          } else setError(t("notKept"));
        }}
      >
        <input
          aria-label={t("nameLabel")}
          placeholder={t("namePlaceholder")}
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          className="block w-full min-w-0 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm shadow-sm dark:border-zinc-700 dark:bg-zinc-950"
        />
        <Button
          type="submit"
          size="sm"
          className="shrink-0 whitespace-nowrap"
          disabled={!trimmed || !canSave}
          title={canSave ? undefined : t("invalidPayload")}
        >
          {replaces ? t("replace") : t("save")}
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {events.length === 0 ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t("empty")}</p>
      ) : (
        <ul
          className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800"
          data-testid="saved-events"
        >
          {events.map((ev) => (
            <li key={ev.name} className="flex items-center gap-2 px-3 py-1.5 text-sm">
              <span className="min-w-0 flex-1 truncate" title={ev.payload}>
                {ev.name}
              </span>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => onLoad(ev)}
                aria-label={t("loadLabel", { name: ev.name })}
              >
                {t("load")}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => onDelete(ev)}
                aria-label={t("deleteLabel", { name: ev.name })}
              >
                {t("delete")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
