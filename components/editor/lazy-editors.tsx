"use client";

import dynamic from "next/dynamic";
import { EditorLoading } from "./editor-loading";

/*
 * The only way pages reach Monaco: client-only (Monaco touches window at import) and code-split, so
 * the ~1 MB editor is fetched when a Code or Test tab renders one, never by the other tabs.
 */
export const LazyCodeEditor = dynamic(() => import("./code-editor").then((m) => m.CodeEditor), {
  ssr: false,
  loading: EditorLoading,
});

export const LazyDiffView = dynamic(() => import("./diff-view").then((m) => m.DiffView), {
  ssr: false,
  loading: EditorLoading,
});
