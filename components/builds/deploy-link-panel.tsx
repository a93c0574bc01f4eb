"use client";

import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SelectField } from "@/components/ui/select-field";
import { deployWithImageHref } from "@/lib/routes";

type Props = {
  workspaceId: string;
  image: string;
  functions: { id: string; name: string }[];
  suggested: string | null;
};

/** From an image to a running function: pick the function, then finish on its Deploy tab with the image filled in. */
export function DeployLinkPanel({ workspaceId, image, functions, suggested }: Props) {
  const t = useTranslations("builds.deployNext");
  const [functionId, setFunctionId] = useState(suggested ?? functions[0]?.id ?? "");
  return (
    <div className="space-y-3">
      <h3 className="font-medium">{t("title")}</h3>
      {functions.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t("noFunctions")}</p>
      ) : (
        <>
          <SelectField label={t("function")} value={functionId} onChange={(e) => setFunctionId(e.target.value)}>
            {functions.map((fn) => (
              <option key={fn.id} value={fn.id}>
                {fn.name}
              </option>
            ))}
          </SelectField>
          <Link
            href={deployWithImageHref(workspaceId, functionId, image)}
            className="inline-flex h-9 items-center rounded-md bg-brand-600 px-3.5 text-sm font-medium text-white hover:bg-brand-700"
          >
            {t("open")}
          </Link>
        </>
      )}
    </div>
  );
}
