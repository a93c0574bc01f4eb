export const LOCALES = ["en", "ko"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The backend stores every time in KST; the console shows KST unless told otherwise. */
export const TIME_ZONE = "Asia/Seoul";
export const LOCALE_COOKIE = "NEXT_LOCALE";
export const THEME_COOKIE = "eunha-theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** Message catalogs are split per feature: messages/<locale>/<namespace>.json. */
export const NAMESPACES = [
  "common",
  "shell",
  "dashboard",
  "workspaces",
  "builds",
  "auth",
  "functions",
  "code",
  "functionSettings",
  "testInvoke",
  "logs",
  "metrics",
  "deploy",
  "ship",
  "audit",
] as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
