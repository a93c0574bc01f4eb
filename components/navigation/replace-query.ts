"use client";

/**
 * Writes a view's state (search, filters, sort) into the address bar without a navigation: Next syncs
 * `useSearchParams` with `history.replaceState`, so no server render runs per keystroke, and a reload
 * or a shared link opens the same view. Replace, not push: typing must not flood the back button.
 */
export function replaceQuery(params: URLSearchParams): void {
  const qs = params.toString();
  const { pathname, hash } = window.location;
  window.history.replaceState(null, "", `${pathname}${qs ? `?${qs}` : ""}${hash}`);
}
