"use client";

import { useEffect } from "react";
import { useLatest } from "./use-latest";

/**
 * A page-wide Ctrl/Cmd+<key> for when focus is outside the editor (a button, the page). Inside Monaco
 * the editor's own command fires first and stops the event, so one press never runs twice.
 */
export function useModShortcut(key: "s" | "Enter", handler: () => void, enabled = true): void {
  const latest = useLatest(handler);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || !(event.ctrlKey || event.metaKey)) return;
      if (event.key.toLowerCase() !== key.toLowerCase()) return;
      event.preventDefault(); // Ctrl+S would otherwise open the browser's "Save page" dialog
      latest.current();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [key, enabled, latest]);
}
