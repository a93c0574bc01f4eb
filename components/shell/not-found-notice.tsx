import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";

/** "Page not found" with a way home: inside the console shell, and on the bare root page outside it. */
export async function NotFoundNotice() {
  const t = await getTranslations("common.notFound");
  return (
    <>
      <p className="text-sm font-semibold text-brand-600 dark:text-brand-100">404</p>
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="max-w-md text-zinc-600 dark:text-zinc-400">{t("message")}</p>
      <Link
        href="/"
        className="mt-2 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
      >
        {t("home")}
      </Link>
    </>
  );
}
