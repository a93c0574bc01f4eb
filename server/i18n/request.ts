import "server-only";
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, TIME_ZONE } from "@/lib/i18n/config";
import { loadMessages } from "./messages";
import { negotiateLocale } from "./negotiate";

export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = negotiateLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  return { locale, timeZone: TIME_ZONE, messages: await loadMessages(locale), now: new Date() };
});
