import { cookies } from "next/headers";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { type ReactNode } from "react";
import { UserMenu } from "@/components/auth/user-menu";
import { AppNav } from "@/components/shell/app-nav";
import { PreferenceSwitches } from "@/components/shell/preference-switches";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/i18n/config";
import { setLocale, setTheme } from "@/server/actions/preferences";
import { userCan } from "@/server/auth/session";

/**
 * The console's chrome (navigation, preferences, user menu) around a page. The caller has checked
 * the session: the (console) layout for every page, the root not-found page for unknown URLs.
 */
export async function ConsoleFrame({ children }: { children: ReactNode }) {
  const t = await getTranslations("shell");
  const stored = (await cookies()).get(THEME_COOKIE)?.value;
  const theme: Theme = (THEMES as readonly string[]).includes(stored ?? "") ? (stored as Theme) : "system";
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900"
      >
        {t("skipToContent")}
      </a>
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col gap-6 border-r border-zinc-200 bg-white px-3 py-4 dark:border-zinc-800 dark:bg-zinc-900">
        <Link href="/" className="flex items-center gap-2 px-3 text-lg font-semibold tracking-tight">
          <span
            aria-hidden
            className="inline-block h-3 w-3 rounded-full bg-gradient-to-br from-brand-500 to-fuchsia-400"
          />
          {t("brand")}
        </Link>
        <AppNav isAdmin={await userCan("audit.read")} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center justify-end gap-3 border-b border-zinc-200 bg-white/80 px-6 backdrop-blur dark:border-zinc-800 dark:bg-zinc-900/80">
          <PreferenceSwitches theme={theme} setLocale={setLocale} setTheme={setTheme} />
          <UserMenu />
        </header>
        <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-6 py-6">
          {children}
        </main>
      </div>
    </div>
  );
}
