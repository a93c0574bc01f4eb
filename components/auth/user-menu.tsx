"use client";

import * as DropdownMenu from "@radix-ui/react-dropdown-menu";
import { signOut, useSession } from "next-auth/react";
import { useTranslations } from "next-intl";
import { SIGNED_OUT_COOKIE, SIGNED_OUT_MAX_AGE_SECONDS } from "@/lib/auth/signed-out";
import { markSigningOut } from "./use-session-expiry";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")).toUpperCase() || "?";
}

/** The signed-in user's name and role, with Sign out. Renders nothing without a session. */
export function UserMenu() {
  const { data: session } = useSession();
  const t = useTranslations("auth");
  if (!session) return null;
  const { name, email, roles } = session.user;
  const role = roles[0];
  const roleLabel = role ? t(`roles.${role}`) : "";

  function handleSignOut() {
    markSigningOut();
    document.cookie = `${SIGNED_OUT_COOKIE}=1; path=/; max-age=${SIGNED_OUT_MAX_AGE_SECONDS}; samesite=lax`;
    void signOut({ callbackUrl: "/signin?reason=signedOut" });
  }

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded-md px-2 py-1 text-sm hover:bg-zinc-100 data-[state=open]:bg-zinc-100 dark:hover:bg-zinc-800 dark:data-[state=open]:bg-zinc-800">
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
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-56 rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900"
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
          <DropdownMenu.Separator className="my-1 h-px bg-zinc-200 dark:bg-zinc-800" />
          <DropdownMenu.Item
            onSelect={handleSignOut}
            className="cursor-pointer rounded-md px-2 py-1.5 outline-none data-[highlighted]:bg-zinc-100 dark:data-[highlighted]:bg-zinc-800"
          >
            {t("userMenu.signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
