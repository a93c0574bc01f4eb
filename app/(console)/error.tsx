"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { ErrorPanel } from "@/components/ui/error-panel";

/** A render failure inside the shell: the navigation stays usable and the user can retry. */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("common.errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <ErrorPanel
      title={t("pageTitle")}
      message={t("pageMessage")}
      requestId={error.digest}
      action={
        <Button variant="secondary" onClick={reset}>
          {t("retry")}
        </Button>
      }
    />
  );
}
