import { readJson, removeKey, writeJson } from "@/components/editor/browser-storage";
import type { InvokeOutcome } from "./invoke-outcome";

/*
 * The Test tab's memory, per function: this session's runs (sessionStorage: gone with the tab) and
 * named test events (localStorage: kept in this browser). Nothing here reaches the server.
 */

export type HistoryEntry = { id: string; at: number; payload: string; outcome: InvokeOutcome };
export type SavedEvent = { name: string; payload: string; savedAt: number };

export const HISTORY_LIMIT = 20;
/** A run's body is kept whole in memory but cut in storage, so one huge answer cannot fill the quota. */
const STORED_BODY_CHARS = 64 * 1024;

const historyKey = (functionId: string) => `eunha.invoke-history.v1.${functionId}`;
const eventsKey = (functionId: string) => `eunha.test-events.v1.${functionId}`;

const isHistory = (v: unknown): v is HistoryEntry[] =>
  Array.isArray(v) &&
  v.every(
    (e) =>
      typeof e?.id === "string" &&
      typeof e.at === "number" &&
      typeof e.payload === "string" &&
      typeof e.outcome?.kind === "string",
  );
const isEvents = (v: unknown): v is SavedEvent[] =>
  Array.isArray(v) &&
  v.every((e) => typeof e?.name === "string" && typeof e.payload === "string" && typeof e.savedAt === "number");

export function readHistory(functionId: string): HistoryEntry[] {
  return readJson("session", historyKey(functionId), isHistory) ?? [];
}

/** Newest first, at most HISTORY_LIMIT. Answers the list to show and whether storage kept it. */
export function addToHistory(
  functionId: string,
  list: HistoryEntry[],
  entry: HistoryEntry,
): { list: HistoryEntry[]; kept: boolean } {
  const next = [entry, ...list].slice(0, HISTORY_LIMIT);
  const stored = next.map((e) =>
    e.outcome.kind === "response" && e.outcome.body.length > STORED_BODY_CHARS
      ? { ...e, outcome: { ...e.outcome, body: e.outcome.body.slice(0, STORED_BODY_CHARS), truncated: true } }
      : e,
  );
  return { list: next, kept: writeJson("session", historyKey(functionId), stored) };
}

export function clearHistory(functionId: string): void {
  removeKey("session", historyKey(functionId));
}

export function readEvents(functionId: string): SavedEvent[] {
  return readJson("local", eventsKey(functionId), isEvents) ?? [];
}

/** Saving under an existing name replaces that event. Answers the new list, or null when storage refused it. */
export function saveEvent(functionId: string, list: SavedEvent[], event: SavedEvent): SavedEvent[] | null {
  const next = [event, ...list.filter((e) => e.name !== event.name)].sort((a, b) => a.name.localeCompare(b.name));
  return writeJson("local", eventsKey(functionId), next) ? next : null;
}

export function deleteEvent(functionId: string, list: SavedEvent[], name: string): SavedEvent[] | null {
  const next = list.filter((e) => e.name !== name);
  return writeJson("local", eventsKey(functionId), next) ? next : null;
}
