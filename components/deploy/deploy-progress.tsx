"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

/** Mounted while a deploy runs: the backend may wait ~5 s for the endpoint, so show that time passing. */
export function DeployProgress() {
  const t = useTranslations("deploy.form");
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div role="status" className="flex items-center gap-2 text-sm text-zinc-600 dark:text-zinc-400">
      <span
        aria-hidden
        className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand-500 border-t-transparent"
      />
      {t("deploying", { seconds })}
    </div>
  );
}
