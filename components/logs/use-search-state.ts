"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * The query string as view state. Writes go through the History API, which Next's router follows
 * (useSearchParams updates) without a server round trip: filters change on every keystroke.
 */
export function useSearchState(): [URLSearchParams, (next: URLSearchParams, mode?: "push" | "replace") => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const write = useCallback(
    (next: URLSearchParams, mode: "push" | "replace" = "replace") => {
      const qs = next.toString();
      const url = qs ? `${pathname}?${qs}` : pathname;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [pathname],
  );
  return [new URLSearchParams(params), write];
}
