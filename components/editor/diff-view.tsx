"use client";

import { DiffEditor, type MonacoDiffEditor } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
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
  // @monaco-editor/react disposes the models before the diff editor on unmount, which Monaco reports
  // as "TextModel got disposed before DiffEditorWidget model got reset". It keeps them here, and they
  // are disposed once its own cleanup has disposed the editor.
  const editor = useRef<MonacoDiffEditor | null>(null);
  useEffect(
    () => () => {
      const models = editor.current?.getModel();
      if (!models) return;
      setTimeout(() => {
        models.original.dispose();
        models.modified.dispose();
      });
    },
    [],
  );
  return (
    <DiffEditor
      original={original}
      modified={modified}
      language={language}
      theme={theme}
      height="100%"
      loading={<EditorLoading />}
      keepCurrentOriginalModel
      keepCurrentModifiedModel
      onMount={(e) => {
        editor.current = e;
      }}
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
