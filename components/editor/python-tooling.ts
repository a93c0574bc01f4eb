"use client";

import type { Diagnostic, Workspace } from "@astral-sh/ruff-wasm-web";
import type { IRange, editor as MonacoEditor } from "monaco-editor";
import { type Monaco } from "./monaco-setup";

/*
 * Ruff (its WebAssembly build) in the Python editor: lint markers as you type and Format Document.
 * It is imported from here only, and this file only from the editor module, so Ruff's ~10 MB of
 * WebAssembly is fetched from the console itself (never a CDN) after the editor, by the Code tab alone.
 */

/** Ruff's default rule set: syntax errors, pyflakes (undefined names, unused imports…) and E4/E7/E9. */
const SETTINGS = { "line-length": 120, lint: { select: ["E4", "E7", "E9", "F"] }, format: { "indent-style": "space" } };
const MARKER_OWNER = "ruff";
const LINT_DELAY_MS = 200;

let ruff: Promise<Workspace> | null = null;

/** One Ruff workspace per page, started on first use. A failed start is retried on the next use. */
function loadRuff(): Promise<Workspace> {
  ruff ??= import("@astral-sh/ruff-wasm-web")
    .then(async ({ default: init, Workspace, PositionEncoding }) => {
      await init();
      // Monaco's columns count UTF-16 code units, like JavaScript strings.
      return new Workspace(SETTINGS, PositionEncoding.Utf16);
    })
    .catch((err: unknown) => {
      ruff = null;
      throw err;
    });
  return ruff;
}

/** Ruff's rules (not the console's error codes) whose findings stop the code from running. */
const RUFF_ERROR_RULES = new Set(["invalid-syntax", "F821"]);

/** Errors stop the code from running (a syntax error, a name that does not exist); the rest are warnings. */
function severity(m: Monaco, d: Diagnostic) {
  return d.code === null || RUFF_ERROR_RULES.has(d.code) ? m.MarkerSeverity.Error : m.MarkerSeverity.Warning;
}

export function toMarkers(m: Monaco, diagnostics: Diagnostic[]): MonacoEditor.IMarkerData[] {
  return diagnostics.map((d) => ({
    owner: MARKER_OWNER,
    source: "Ruff",
    code: d.code ?? undefined,
    message: d.message,
    severity: severity(m, d),
    startLineNumber: d.start_location.row,
    startColumn: d.start_location.column,
    // A zero-width range (end of file) is widened by one column so Monaco draws it.
    endLineNumber: d.end_location.row,
    endColumn: Math.max(
      d.end_location.column,
      d.start_location.row === d.end_location.row ? d.start_location.column + 1 : 1,
    ),
    tags: d.tags.includes("unnecessary")
      ? [m.MarkerTag.Unnecessary]
      : d.tags.includes("deprecated")
        ? [m.MarkerTag.Deprecated]
        : [],
  }));
}

/** Ruff's formatting of the whole model as one edit (none when already formatted); throws when the code does not parse. */
async function formatEdits(model: MonacoEditor.ITextModel): Promise<Array<{ range: IRange; text: string }>> {
  const text = model.getValue();
  const formatted = (await loadRuff()).format(text);
  return formatted === text ? [] : [{ range: model.getFullModelRange(), text: formatted }];
}

let formatterRegistered = false;

/** Format Document (Shift+Alt+F, the context menu, or the toolbar) runs Ruff's formatter. */
function registerFormatter(m: Monaco): void {
  if (formatterRegistered) return;
  formatterRegistered = true;
  m.languages.registerDocumentFormattingEditProvider("python", {
    displayName: "Ruff",
    provideDocumentFormattingEdits: formatEdits,
  });
}

/** Lints the editor's model as the user types and keeps its Ruff markers current until the editor goes away. */
export function attachPythonTooling(m: Monaco, editor: MonacoEditor.IStandaloneCodeEditor): void {
  registerFormatter(m);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const lint = async () => {
    const model = editor.getModel();
    if (!model || disposed) return;
    const version = model.getVersionId();
    let workspace: Workspace;
    try {
      workspace = await loadRuff();
    } catch (err) {
      console.error("Ruff could not be loaded: no lint markers", err);
      return;
    }
    // The user typed on while Ruff loaded: the newer change schedules its own run.
    if (disposed || model.isDisposed() || model.getVersionId() !== version) return;
    m.editor.setModelMarkers(model, MARKER_OWNER, toMarkers(m, workspace.check(model.getValue()) as Diagnostic[]));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lint(), LINT_DELAY_MS);
  };
  const changes = editor.onDidChangeModelContent(schedule);
  editor.onDidDispose(() => {
    disposed = true;
    clearTimeout(timer);
    changes.dispose();
  });
  void lint();
}

/** Formats the whole document as one undoable edit. False when Ruff cannot: the code does not parse. */
export async function formatDocument(editor: MonacoEditor.IStandaloneCodeEditor): Promise<boolean> {
  const model = editor.getModel();
  if (!model) return false;
  let edits;
  try {
    edits = await formatEdits(model);
  } catch {
    return false;
  }
  editor.pushUndoStop();
  editor.executeEdits("ruff-format", edits);
  editor.pushUndoStop();
  return true;
}
