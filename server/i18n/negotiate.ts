import "server-only";
import { match } from "@formatjs/intl-localematcher";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from "@/lib/i18n/config";

/** The user's explicit choice (cookie) wins; otherwise the browser's Accept-Language picks. */
export function negotiateLocale(cookieValue: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  const languages = new Negotiator({ headers: { "accept-language": acceptLanguage ?? "" } }).languages();
  try {
    const picked = match(languages, LOCALES, DEFAULT_LOCALE);
    return isLocale(picked) ? picked : DEFAULT_LOCALE;
  } catch {
    // match() throws on malformed tags such as "*" alone.
    return DEFAULT_LOCALE;
  }
}
