"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type UnsavedChangesGuardProps = {
  /** Guard while this is true. */
  when: boolean;
  title: string;
  description: string;
  leaveLabel: string;
};

/** The in-app destination of a click that would replace this page, or null to let the click through. */
function guardedHref(event: MouseEvent): string | null {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return null;
  const anchor = event.target instanceof Element ? event.target.closest("a[href]") : null;
  if (!(anchor instanceof HTMLAnchorElement) || anchor.hasAttribute("download")) return null;
  if (anchor.target && anchor.target !== "_self") return null; // opens elsewhere: this page stays
  const url = new URL(anchor.href, window.location.href);
  // Another site is a full page load, which beforeunload already asks about.
  if (url.origin !== window.location.origin) return null;
  if (url.pathname === window.location.pathname && url.search === window.location.search) return null; // same page (#anchor)
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Asks before unsaved edits are left behind. The App Router has no route-change event to veto, so
 * in-app links are caught in the capture phase (before Next's <Link> sees the click) and followed
 * with router.push once the user agrees; reloads, closing the tab and other sites get the browser's
 * own beforeunload prompt.
 */
export function UnsavedChangesGuard({ when, title, description, leaveLabel }: UnsavedChangesGuardProps) {
  const router = useRouter();
  const [target, setTarget] = useState<string | null>(null);
  const leaving = useRef(false);

  useEffect(() => {
    if (!when) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (leaving.current) return;
      event.preventDefault();
      event.returnValue = ""; // older Chromium needs it set to show the prompt
    };
    const onClick = (event: MouseEvent) => {
      if (leaving.current) return;
      const href = guardedHref(event);
      if (href === null) return;
      event.preventDefault();
      event.stopPropagation();
      setTarget(href);
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [when]);

  return (
    <ConfirmDialog
      open={target !== null}
      onOpenChange={(open) => {
        if (!open) setTarget(null);
      }}
      title={title}
      description={description}
      confirmLabel={leaveLabel}
      onConfirm={() => {
        if (target === null) return;
        leaving.current = true;
        setTarget(null);
        router.push(target);
      }}
    />
  );
}
