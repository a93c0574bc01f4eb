"use client";

/** The one way the browser reacts to an ended session: to sign-in, then back to this very page. */
export function redirectToSignIn(): void {
  const here = `${window.location.pathname}${window.location.search}`;
  // A full navigation on purpose: it drops every cache and pending request of the ended session.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  window.location.assign(`/signin?reason=ended&callbackUrl=${encodeURIComponent(here)}`);
}
