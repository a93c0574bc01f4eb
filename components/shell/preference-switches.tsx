"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { LOCALES, THEMES, type Theme } from "@/lib/i18n/config";

type Props = {
  theme: Theme;
  /** Server actions passed down from the layout: components never import server code. */
  setLocale: (locale: string) => Promise<{ ok: boolean }>;
  setTheme: (theme: string) => Promise<{ ok: boolean }>;
};

const selectClass = "h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export function PreferenceSwitches({ theme, setLocale, setTheme }: Props) {
  const t = useTranslations("shell.preferences");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  const change = (action: () => Promise<{ ok: boolean }>) =>
    startTransition(async () => {
      if ((await action()).ok) router.refresh();
    });

  return (
    <div className="flex items-center gap-2" aria-busy={pending}>
      <label className="sr-only" htmlFor="locale-switch">
        {t("language")}
      </label>
      <select
        id="locale-switch"
        className={selectClass}
        value={locale}
        onChange={(e) => change(() => setLocale(e.target.value))}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l}>
            {t(`locales.${l}`)}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="theme-switch">
        {t("theme")}
      </label>
      <select
        id="theme-switch"
        className={selectClass}
        value={theme}
        onChange={(e) => {
          const next = e.target.value;
          // Applied at once in this page; the cookie (server action) keeps it for the next render.
          const root = document.documentElement;
          root.classList.remove(...THEMES.map((th) => `theme-${th}`));
          root.classList.add(`theme-${next}`);
          root.dataset.theme = next;
          change(() => setTheme(next));
        }}
      >
        {THEMES.map((th) => (
          <option key={th} value={th}>
            {t(`themes.${th}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
