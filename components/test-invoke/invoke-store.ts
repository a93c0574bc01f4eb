import { readJson, removeKey, writeJson } from "@/components/editor/browser-storage";
import type { InvokeOutcome } from "./invoke-outcome";

/*
 * The Test tab's memory of this session's runs, per function (sessionStorage: gone with the tab).
 * Nothing here reaches the server; saved test events live in the console's store instead.
 */

export type HistoryEntry = { id: string; at: number; payload: string; outcome: InvokeOutcome };

export const HISTORY_LIMIT = 20;
/** A run's body is kept whole in memory but cut in storage, so one huge answer cannot fill the quota. */
const STORED_BODY_CHARS = 64 * 1024;

const historyKey = (functionId: string) => `eunha.invoke-history.v1.${functionId}`;

const isHistory = (v: unknown): v is HistoryEntry[] =>
  Array.isArray(v) &&
  v.every(
    (e) =>
      typeof e?.id === "string" &&
      typeof e.at === "number" &&
      typeof e.payload === "string" &&
      typeof e.outcome?.kind === "string",
  );

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
