"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "./button";

export function CopyButton({ value, label }: { value: string; label?: string }) {
  const t = useTranslations("common.actions");
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      aria-label={label ?? t("copy")}
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setCopied(true);
          setTimeout(() => setCopied(false), 1500);
        } catch {
          toast.error(t("copyFailed"));
        }
      }}
    >
      {copied ? t("copied") : t("copy")}
    </Button>
  );
}
