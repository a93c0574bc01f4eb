import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** A missing workspace, function or task, inside the console shell (whose <main> already wraps this). */
export default async function ConsoleNotFound() {
  const t = await getTranslations("common.notFound");
  return (
    <div className="flex flex-col items-center justify-center gap-3 py-16 text-center">
      <p className="text-sm font-semibold text-brand-700 dark:text-brand-100">404</p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-md text-zinc-600 dark:text-zinc-400">{t("message")}</p>
      <Link href="/" className="mt-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
        {t("home")}
      </Link>
    </div>
  );
}
