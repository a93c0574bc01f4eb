import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInButton } from "@/components/auth/sign-in-button";
import { SIGNED_OUT_COOKIE } from "@/lib/auth/signed-out";
import { ssoConfigurationProblem } from "@/server/auth/config";
import { safeCallbackPath, signInErrorCode } from "@/server/auth/redirects";
import { getSession } from "@/server/auth/session";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signin");
  return { title: t("metaTitle") };
}

/** Our sign-in page (next-auth's `pages.signIn` and `pages.error`): one SSO button, and why we are here. */
export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations("auth.signin");
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  const error = signInErrorCode(params.error);
  const reason = Array.isArray(params.reason) ? params.reason[0] : params.reason;

  // Already signed in (e.g. back button): go on, unless there is an error to show.
  if (!error && (await getSession())) redirect(callbackUrl);

  const problem = ssoConfigurationProblem();
  const signedOutHere = (await cookies()).has(SIGNED_OUT_COOKIE);
  const notice = reason === "ended" ? t("ended") : reason === "signedOut" ? t("signedOut") : null;

  return (
    <div className="flex flex-col gap-4">
      <div>
        <h1 className="text-lg font-semibold">{t("title")}</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t("subtitle")}</p>
      </div>
      {notice && !error ? (
        <p
          role="status"
          className="rounded-md bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
        >
          {notice}
        </p>
      ) : null}
      {error || problem ? (
        <p
          role="alert"
          className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950/50 dark:text-red-200"
        >
          {problem ? t("notConfigured") : t(`errors.${error ?? "Default"}`)}
        </p>
      ) : null}
      {/* After a sign-out or a failure, ask the IdP for a fresh login instead of reusing its session. */}
      <SignInButton
        callbackUrl={callbackUrl}
        forceLogin={signedOutHere || reason === "signedOut" || error !== null}
        disabled={problem !== null}
      />
    </div>
  );
}
