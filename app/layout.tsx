import type { Metadata } from "next";
import { cookies } from "next/headers";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { type ReactNode } from "react";
import { Providers } from "@/components/shell/providers";
import { THEME_COOKIE, THEMES, type Theme } from "@/lib/i18n/config";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("tagline") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, cookieStore] = await Promise.all([getLocale(), cookies()]);
  const stored = cookieStore.get(THEME_COOKIE)?.value;
  const theme: Theme = (THEMES as readonly string[]).includes(stored ?? "") ? (stored as Theme) : "system";
  return (
    <html lang={locale} className={`theme-${theme}`} data-theme={theme}>
      <body className="min-h-screen font-sans">
        <NextIntlClientProvider>
          <Providers>{children}</Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
