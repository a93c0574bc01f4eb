"use client";

import { DiffEditor } from "@monaco-editor/react";
import { EditorLoading } from "./editor-loading";
import "./monaco-setup";
import { useEditorTheme } from "./use-editor-theme";

export type DiffViewProps = {
  /** Left side: the stored version. */
  original: string;
  /** Right side: the edit. */
  modified: string;
  language: "python" | "json";
  ariaLabel: string;
};

/** A read-only side-by-side diff; editing happens in the editor, the diff only shows what would change. */
export function DiffView({ original, modified, language, ariaLabel }: DiffViewProps) {
  const theme = useEditorTheme();
  return (
    <DiffEditor
      original={original}
      modified={modified}
      language={language}
      theme={theme}
      height="100%"
      loading={<EditorLoading />}
      options={{
        readOnly: true,
        originalEditable: false,
        domReadOnly: true,
        ariaLabel,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        renderSideBySide: true,
        // Side by side even in a narrow dialog: inline diffs hide which side a line came from.
        useInlineViewWhenSpaceIsLimited: false,
      }}
    />
  );
}
