"use client";

import { useNow } from "next-intl";
import { useSyncExternalStore } from "react";

/*
 * One shared clock for relative times. During the server render and hydration it is the request's
 * `now` (so server and browser print the same text); from the first browser render on it is the
 * browser's own time, refreshed every 15 s. next-intl's useNow alone keeps the first page load's time
 * after client-side navigation, which made a just-started task read "in 2 seconds".
 */
let current = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let tickQueued = false;

function tick(): void {
  current = Date.now();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(tick, 15_000);
  // Newly mounted components read a fresh time at once (one tick for a whole batch of mounts).
  if (!tickQueued) {
    tickQueued = true;
    queueMicrotask(() => {
      tickQueued = false;
      tick();
    });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function useClock(): Date {
  const requestNow = useNow();
  const now = useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
  return now === null ? requestNow : new Date(now);
}
