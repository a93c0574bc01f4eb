import { getTranslations } from "next-intl/server";
import { NotFoundNotice } from "@/components/shell/not-found-notice";

/**
 * A missing page, workspace, function or task: said inside the shell, with the navigation still there.
 * Only the root not-found may export metadata, and a segment that called notFound() leaves the page
 * without a <title>: React hoists this one into the head.
 */
export default async function ConsoleNotFound() {
  const t = await getTranslations("common");
  return (
    <section className="flex flex-col items-center gap-3 py-16 text-center">
      <title>{`${t("notFound.title")} · ${t("appName")}`}</title>
      <NotFoundNotice />
    </section>
  );
}
