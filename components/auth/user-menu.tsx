"use client";

import { signOut, useSession } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { SIGNED_OUT_COOKIE, SIGNED_OUT_MAX_AGE_SECONDS } from "@/lib/auth/signed-out";
import { markSigningOut } from "./use-session-expiry";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/**
 * The signed-in user's name and role, with Sign out. Renders nothing without a session.
 *
 * A menu button in plain React (WAI-ARIA menu button pattern): Enter, Space or ArrowDown opens it on
 * its one item, Escape closes it and returns focus, Tab or a click anywhere else closes it. A menu
 * library would add ~35 KB gzip (positioning, scroll lock, collections) to every page for one item.
 */
export function UserMenu() {
  const { data: session } = useSession();
  const t = useTranslations("auth");
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const item = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    item.current?.focus();
    const closeOutside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  if (!session) return null;
  const { name, email, roles } = session.user;
  const role = roles[0];
  const roleLabel = role ? t(`roles.${role}`) : "";

  function handleSignOut() {
    setOpen(false);
    markSigningOut();
    document.cookie = `${SIGNED_OUT_COOKIE}=1; path=/; max-age=${SIGNED_OUT_MAX_AGE_SECONDS}; samesite=lax`;
    void signOut({ callbackUrl: "/signin?reason=signedOut" });
  }

  function onTriggerKey(e: KeyboardEvent) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
    }
  }

  function onMenuKey(e: KeyboardEvent) {
    if (e.key === "Escape") {
      e.preventDefault();
      setOpen(false);
      trigger.current?.focus();
    } else if (e.key === "Tab") setOpen(false);
    // One item: the arrow keys keep focus on it.
    else if (e.key === "ArrowDown" || e.key === "ArrowUp" || e.key === "Home" || e.key === "End") e.preventDefault();
  }

  return (
    <div ref={root} className="relative">
      <button
        ref={trigger}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-state={open ? "open" : "closed"}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={onTriggerKey}
        className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-zinc-100 data-[state=open]:bg-zinc-100 dark:hover:bg-zinc-800 dark:data-[state=open]:bg-zinc-800"
      >
        {/* The accessible name starts with what the button is, then says what it shows (axe: the
            visible text must be part of the name). Below `sm` the name is not shown, so it is read. */}
        <span className="sr-only">{t("userMenu.label")} </span>
        <span className="sr-only sm:hidden">{name}</span>
        <span
          aria-hidden
          className="grid h-7 w-7 place-items-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700 dark:bg-brand-700/40 dark:text-brand-100"
        >
          {initials(name)}
        </span>
        <span className="hidden flex-col items-start leading-tight sm:flex">
          <span className="font-medium">{name}</span>
          <span className="text-xs text-zinc-500 dark:text-zinc-400">{roleLabel}</span>
        </span>
      </button>
      {open ? (
        <div
          id={menuId}
          role="menu"
          tabIndex={-1}
          aria-label={t("userMenu.label") + " " + name}
          onKeyDown={onMenuKey}
          className="absolute right-0 top-full z-50 mt-1.5 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
        >
          <div className="px-2 py-1.5">
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{t("userMenu.signedInAs")}</p>
            <p className="font-medium">{name}</p>
            {email && email !== name ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{email}</p> : null}
            <p className="mt-1 text-xs">
              <span className="text-zinc-500 dark:text-zinc-400">{t("userMenu.role")}: </span>
              <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-medium dark:bg-zinc-800">{roleLabel}</span>
            </p>
          </div>
          <div role="separator" className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <button
            ref={item}
            type="button"
            role="menuitem"
            onClick={handleSignOut}
            className="w-full cursor-pointer rounded-md px-2 py-1.5 text-left outline-none hover:bg-zinc-100 focus:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
          >
            {t("userMenu.signOut")}
          </button>
        </div>
      ) : null}
    </div>
  );
}
