/**
 * Every page of the console, keyed by its route as the app directory spells it (route groups left
 * out), with the URL a journey opens for it. tests/unit/console-pages.test.ts fails when a page.tsx is
 * added under app/ without an entry here, so the accessibility scan covers pages added later too.
 */
export type PageIds = { ws: string; fn: string; task: string };
export type PageEntry = {
  url: (ids: PageIds) => string;
  /** Who sees it: console pages as every role, sign-in pages signed out. */
  audience: "console" | "signed-out";
  /** What the URL settles on when it only redirects (e.g. a function's bare URL opens its code). */
  redirectsTo?: string;
};

const W = (i: PageIds) => `/workspaces/${encodeURIComponent(i.ws)}`;
const F = (i: PageIds) => `${W(i)}/functions/${encodeURIComponent(i.fn)}`;

export const CONSOLE_PAGES: Record<string, PageEntry> = {
  "/signin": { url: () => "/signin", audience: "signed-out" },
  "/no-access": { url: () => "/no-access", audience: "signed-out" },
  "/": { url: () => "/", audience: "console" },
  "/builds": { url: () => "/builds", audience: "console" },
  // Admins only: other roles get the 404 inside the shell, which is scanned too.
  "/audit": { url: () => "/audit", audience: "console" },
  "/workspaces": { url: () => "/workspaces", audience: "console" },
  "/workspaces/[workspaceId]": { url: W, audience: "console" },
  "/workspaces/[workspaceId]/builds": { url: (i) => `${W(i)}/builds`, audience: "console" },
  "/workspaces/[workspaceId]/builds/[taskId]": {
    url: (i) => `${W(i)}/builds/${encodeURIComponent(i.task)}`,
    audience: "console",
  },
  "/workspaces/[workspaceId]/logs": { url: (i) => `${W(i)}/logs`, audience: "console" },
  "/workspaces/[workspaceId]/functions/new": { url: (i) => `${W(i)}/functions/new`, audience: "console" },
  "/workspaces/[workspaceId]/functions/[functionId]": {
    url: F,
    audience: "console",
    redirectsTo: "/workspaces/[workspaceId]/functions/[functionId]/code",
  },
  "/workspaces/[workspaceId]/functions/[functionId]/code": { url: (i) => `${F(i)}/code`, audience: "console" },
  "/workspaces/[workspaceId]/functions/[functionId]/deploy": { url: (i) => `${F(i)}/deploy`, audience: "console" },
  "/workspaces/[workspaceId]/functions/[functionId]/logs": { url: (i) => `${F(i)}/logs`, audience: "console" },
  "/workspaces/[workspaceId]/functions/[functionId]/metrics": { url: (i) => `${F(i)}/metrics`, audience: "console" },
  "/workspaces/[workspaceId]/functions/[functionId]/settings": { url: (i) => `${F(i)}/settings`, audience: "console" },
  "/workspaces/[workspaceId]/functions/[functionId]/test": { url: (i) => `${F(i)}/test`, audience: "console" },
};

/** Pages that are not routes of their own but must pass the same scan: a missing page answers 404. */
export const EXTRA_PAGES: Record<string, PageEntry> = {
  "404 (unknown URL)": { url: () => "/no-such-page", audience: "console" },
  "404 (missing workspace)": { url: () => "/workspaces/ws-does-not-exist", audience: "console" },
  "404 (missing function)": { url: (i) => `${W(i)}/functions/fn-does-not-exist/code`, audience: "console" },
};

/** `app/(console)/workspaces/[workspaceId]/page.tsx` → `/workspaces/[workspaceId]`. */
export function routeOfPageFile(relativePath: string): string {
  const segments = relativePath
    .split("/")
    .slice(0, -1)
    .filter((s) => !(s.startsWith("(") && s.endsWith(")")));
  return "/" + segments.join("/");
}
