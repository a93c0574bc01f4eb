"use client";

import Editor, { type OnMount } from "@monaco-editor/react";
import { useState } from "react";
import { EditorLoading } from "./editor-loading";
import { type Monaco, monaco } from "./monaco-setup";
import { attachPythonTooling, formatDocument } from "./python-tooling";
import { useEditorTheme } from "./use-editor-theme";
import { useLatest } from "./use-latest";

/**
 * Handlers get the editor's text at the moment of the key press: React state may not have caught up
 * with a paste made an instant earlier, and saving or running stale text would be wrong.
 */
export type EditorShortcuts = {
  /** Ctrl/Cmd+S. */
  save?: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  run?: (value: string) => void;
};

export type EditorCursor = { line: number; column: number; selected: number };
export type EditorMarker = { line: number; column: number; message: string };
export type EditorEol = "\n" | "\r\n";
/** What a page may ask of a mounted editor (set while it is mounted, null otherwise). */
export type EditorControls = {
  /** Ruff's Format Document (Python only); false when the code does not parse. */
  format: () => Promise<boolean>;
};

export type CodeEditorProps = {
  /** The text the editor opens with; it is not controlled afterwards (remount with a new `key` to replace it). */
  initialValue: string;
  language: "python" | "json";
  ariaLabel: string;
  readOnly?: boolean;
  onChange?: (value: string) => void;
  onCursorChange?: (cursor: EditorCursor) => void;
  /** Errors the language service found (JSON syntax), newest set each time. */
  onMarkers?: (markers: EditorMarker[]) => void;
  /** The model's line ending once it exists (Monaco normalizes a mixed file to one). */
  onReady?: (eol: EditorEol) => void;
  shortcuts?: EditorShortcuts;
  /** Called with the editor's controls once it is mounted, and with null when it goes away. */
  onControls?: (controls: EditorControls | null) => void;
};

// A strict JSON payload: the BFF parses it with JSON.parse, which refuses comments and trailing commas.
function configureJson(m: Monaco): void {
  m.json.jsonDefaults.setDiagnosticsOptions({
    validate: true,
    allowComments: false,
    comments: "error",
    trailingCommas: "error",
  });
}

/** Monaco with the console's defaults. Import it through `lazy-editors` so it stays out of other routes. */
export function CodeEditor(props: CodeEditorProps) {
  const theme = useEditorTheme();
  // Monaco keeps the first closure it is given; the latest handlers are read through refs.
  const shortcuts = useLatest(props.shortcuts);
  const onCursorChange = useLatest(props.onCursorChange);
  // The wrapper is busy until onMount: the editor is shown one React pass before its commands and its
  // change listener exist, and a key pressed in between would not reach them.
  const [mounted, setMounted] = useState(false);

  const onMount: OnMount = (editor) => {
    // Text typed or pasted between the editor appearing and this call had no change listener yet. The
    // model has one line ending, so a mixed-ending file is compared as Monaco normalized it on open.
    const model = editor.getModel();
    const value = editor.getValue();
    if (model && value !== props.initialValue.replace(/\r\n|\r|\n/g, model.getEOL())) props.onChange?.(value);
    // Scoped to this editor: Monaco's dynamic keybindings are global and outlive the editor.
    const when = `editorId == '${editor.getId()}'`;
    if (props.shortcuts?.save)
      editor.addCommand(
        monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS,
        () => shortcuts.current?.save?.(editor.getValue()),
        when,
      );
    if (props.shortcuts?.run)
      editor.addCommand(
        monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter,
        () => shortcuts.current?.run?.(editor.getValue()),
        when,
      );
    const report = () => {
      const pos = editor.getPosition();
      const selected = editor.getSelections()?.reduce((n, s) => n + (model?.getValueLengthInRange(s) ?? 0), 0) ?? 0;
      if (pos) onCursorChange.current?.({ line: pos.lineNumber, column: pos.column, selected });
    };
    editor.onDidChangeCursorSelection(report);
    report();
    if (props.language === "python") {
      // Ruff: lint markers as the user types; Format Document (Shift+Alt+F) when it may edit.
      attachPythonTooling(monaco, editor);
      const onControls = props.onControls;
      if (onControls && !props.readOnly) {
        onControls({ format: () => formatDocument(editor) });
        editor.onDidDispose(() => onControls(null));
      }
    }
    const eol = model?.getEOL();
    props.onReady?.(eol === "\r\n" ? "\r\n" : "\n");
    setMounted(true);
  };

  return (
    <Editor
      defaultValue={props.initialValue}
      defaultLanguage={props.language}
      theme={theme}
      height="100%"
      beforeMount={props.language === "json" ? configureJson : undefined}
      onMount={onMount}
      onChange={(value) => props.onChange?.(value ?? "")}
      onValidate={(markers) =>
        props.onMarkers?.(
          markers
            .filter((m) => m.severity === monaco.MarkerSeverity.Error)
            .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message })),
        )
      }
      loading={<EditorLoading />}
      wrapperProps={{ "aria-busy": !mounted }}
      options={{
        ariaLabel: props.ariaLabel,
        readOnly: props.readOnly ?? false,
        domReadOnly: props.readOnly ?? false,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        tabSize: props.language === "python" ? 4 : 2,
        insertSpaces: true,
        scrollBeyondLastLine: false,
        renderWhitespace: "selection",
        // Saving must write exactly what the user sees: no format-on-paste rewriting their text.
        formatOnPaste: false,
        // Paste lands in the text at once: Monaco's paste-as pipeline applies every paste a task later
        // (it asks its paste providers first), so a Ctrl+S or Ctrl+Enter right after it used the old text.
        pasteAs: { enabled: false },
        formatOnType: false,
        // U+2028/U+2029 are characters of the user's code, not line breaks to strip (Monaco's
        // default asks in a browser confirm and removes them, which loses bytes on save).
        unusualLineTerminators: "off",
      }}
    />
  );
}
