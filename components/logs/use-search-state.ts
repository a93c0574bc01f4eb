"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";

/**
 * The query string as view state. Writes go through the History API, which Next's router follows
 * (useSearchParams updates) without a server round trip: filters change on every keystroke.
 *
 * A write shows at once from local state; the URL follows after that render is painted. Written in the
 * same event, the router's own update (a transition that re-renders every search-params reader) would
 * hold the filtered list back by a frame or more with 1,000 executions loaded.
 */
export function useSearchState(): [URLSearchParams, (next: URLSearchParams, mode?: "push" | "replace") => void] {
  const routed = useSearchParams();
  const pathname = usePathname();
  // The last write, until the router's params catch up (or move elsewhere: back/forward).
  const [pending, setPending] = useState<{
    params: URLSearchParams;
    mode: "push" | "replace";
    base: typeof routed;
  } | null>(null);
  const current = pending && pending.base === routed ? pending.params : null;

  useEffect(() => {
    if (!current || !pending) return;
    const qs = current.toString();
    const url = qs ? `${pathname}?${qs}` : pathname;
    if (pending.mode === "push") window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
  }, [current, pending, pathname]);

  const write = useCallback(
    (next: URLSearchParams, mode: "push" | "replace" = "replace") => setPending({ params: next, mode, base: routed }),
    [routed],
  );
  return [new URLSearchParams(current ?? routed), write];
}
