import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignInButton } from "@/components/auth/sign-in-button";
import { buttonClasses } from "@/components/ui/button-classes";
import { Link } from "@/components/ui/link";
import { getSession } from "@/server/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.noAccess");
  return { title: t("metaTitle") };
}

/**
 * Says the right thing to whoever opens it: a user whose groups map to no role (sign-in sends them here
 * with `reason=no-role`, creating no session), a signed-out visitor (sign in), or a signed-in user who
 * does have a role (go to the console).
 */
export default async function NoAccessPage({
  searchParams,
}: {
  searchParams: Promise<{ reason?: string | string[] }>;
}) {
  const [t, { reason }, user] = await Promise.all([getTranslations("auth"), searchParams, getSession()]);
  if (user) {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-lg font-semibold">{t("noAccess.hasAccessTitle")}</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {t("noAccess.hasAccessBody", { name: user.name, role: t(`roles.${user.roles[0]!}`) })}
        </p>
        <div className="mt-2">
          <Link href="/" className={buttonClasses({ variant: "primary" })}>
            {t("noAccess.goHome")}
          </Link>
        </div>
      </div>
    );
  }
  if (reason !== "no-role") {
    return (
      <div className="flex flex-col gap-3">
        <h1 className="text-lg font-semibold">{t("noAccess.signedOutTitle")}</h1>
        <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("noAccess.signedOutBody")}</p>
        <div className="mt-2">
          <SignInButton callbackUrl="/" label={t("noAccess.signIn")} />
        </div>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-lg font-semibold">{t("noAccess.title")}</h1>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">{t("noAccess.body")}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("noAccess.help")}</p>
      <div className="mt-2">
        <SignInButton callbackUrl="/" forceLogin label={t("noAccess.otherAccount")} />
      </div>
    </div>
  );
}
