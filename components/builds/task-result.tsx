import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";
import type { ApiTaskResult } from "@/lib/dto/task";
import { imageOf } from "./task-shape";

/** What a finished task produced: package paths and, after a push, the image to deploy. */
export function TaskResult({ result }: { result: ApiTaskResult }) {
  const t = useTranslations("builds.result");
  const image = imageOf(result);
  const rows = [
    ["wasmPath", result.wasm_path],
    ["filePath", result.file_path],
  ] as const;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 text-sm">
      {image ? (
        <>
          <dt className="text-zinc-500 dark:text-zinc-400">{t("image")}</dt>
          <dd className="flex min-w-0 items-center gap-1">
            <code
              data-testid="task-image"
              className="break-all rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-xs dark:bg-zinc-800"
            >
              {image}
            </code>
            <CopyButton value={image} label={t("copyImage")} />
          </dd>
        </>
      ) : null}
      {rows.map(([key, value]) =>
        value ? (
          <div key={key} className="contents">
            <dt className="text-zinc-500 dark:text-zinc-400">{t(key)}</dt>
            <dd className="min-w-0 break-all font-mono text-xs">{value}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}
