import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInButton } from "@/components/auth/sign-in-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.noAccess");
  return { title: t("metaTitle") };
}

/**
 * Where sign-in sends a user whose groups map to no role. No session was created, so there is nothing
 * to sign out of here; a different account needs a fresh login at the IdP.
 */
export default async function NoAccessPage() {
  const t = await getTranslations("auth.noAccess");
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("body")}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("help")}</p>
      <div className="mt-2">
        <SignInButton callbackUrl="/" forceLogin label={t("otherAccount")} />
      </div>
    </div>
  );
}
