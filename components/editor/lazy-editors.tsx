"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { type ComponentProps } from "react";
import { WidgetBoundary } from "@/components/ui/widget-boundary";
import { EditorLoading } from "./editor-loading";

/*
 * The only way pages reach Monaco: client-only (Monaco touches window at import) and code-split, so
 * the ~1 MB editor is fetched when a Code or Test tab renders one, never by the other tabs. Each sits
 * in its own error boundary: an editor that fails to load or crashes leaves the rest of the tab usable.
 */
const CodeEditor = dynamic(() => import("./code-editor").then((m) => m.CodeEditor), {
  ssr: false,
  loading: EditorLoading,
});

const DiffView = dynamic(() => import("./diff-view").then((m) => m.DiffView), {
  ssr: false,
  loading: EditorLoading,
});

export function LazyCodeEditor(props: ComponentProps<typeof CodeEditor>) {
  const t = useTranslations("code.editor");
  return (
    <WidgetBoundary name={t("name")}>
      <CodeEditor {...props} />
    </WidgetBoundary>
  );
}

export function LazyDiffView(props: ComponentProps<typeof DiffView>) {
  const t = useTranslations("code.editor");
  return (
    <WidgetBoundary name={t("name")}>
      <DiffView {...props} />
    </WidgetBoundary>
  );
}
