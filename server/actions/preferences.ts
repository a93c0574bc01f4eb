"use server";
import "server-only";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE, THEME_COOKIE, THEMES, type Theme } from "@/lib/i18n/config";

const YEAR = 60 * 60 * 24 * 365;
const cookieOptions = { path: "/", maxAge: YEAR, sameSite: "lax" as const, httpOnly: false };

/** Overrides the browser's language; the server renders the next request in it. */
export async function setLocale(locale: string): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, locale, cookieOptions);
  return { ok: true };
}

export async function setTheme(theme: string): Promise<{ ok: boolean }> {
  if (!(THEMES as readonly string[]).includes(theme)) return { ok: false };
  (await cookies()).set(THEME_COOKIE, theme as Theme, cookieOptions);
  return { ok: true };
}
