"use client";

import { useEffect } from "react";

/**
 * SWR stops its refresh interval while a key is in error; a source that comes back (Loki restarted,
 * Prometheus reachable again) should reappear on its own, so retry on a timer while failing.
 */
export function useRetryWhileFailing(failing: boolean, retry: () => unknown, everyMs: number): void {
  useEffect(() => {
    if (!failing) return;
    const id = window.setInterval(() => void retry(), everyMs);
    return () => window.clearInterval(id);
  }, [failing, retry, everyMs]);
}
