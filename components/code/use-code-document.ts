"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { decodeUtf8Base64, encodeUtf8Base64 } from "@/lib/base64";
import { conflictVersionOf, type FunctionCodeVersion } from "@/lib/dto/function";
import type { saveFunctionCode } from "@/server/actions/function-code";
import { shapeOf, toEditorText, toSource } from "./code-text";
import { clearDraft, readDraft, writeDraft } from "./draft-store";

/** A stored version: decoded source and the `lastModified` a save must quote. */
export type CodeVersion = { source: string; lastModified: string };
export type RestoredDraft = { updatedAt: number; stale: boolean };
/** The version that won a race with our save; `source` is null when it is not UTF-8 text. */
export type ConflictVersion = { source: string | null; lastModified: string };
export type SaveInput = Parameters<typeof saveFunctionCode>[0];

const DRAFT_WRITE_DELAY_MS = 300;

type Options = {
  workspaceId: string;
  functionId: string;
  stored: CodeVersion;
  canEdit: boolean;
  /** Runs saveFunctionCode (through useAction, which handles failures and ended sessions). */
  runSave: typeof saveFunctionCode;
};

/** Decodes a version the server sent; null when it is not UTF-8 text (shown, never edited). */
export function decodeVersion(v: FunctionCodeVersion): CodeVersion | null {
  try {
    return { source: decodeUtf8Base64(v.code), lastModified: v.lastModified };
  } catch {
    return null;
  }
}

/**
 * The Code tab's document: the stored version the edit is based on, the editor's text, the browser
 * draft, saving with the conflict check, and the ways out of a conflict. Mounted on the client only
 * (it reads localStorage while initialising).
 */
export function useCodeDocument({ workspaceId, functionId, stored, canEdit, runSave }: Options) {
  // A draft from an earlier visit comes back as it was. A stale one (someone saved since) keeps the
  // lastModified it started from, so its next save meets the conflict check instead of overwriting a
  // version its author never saw.
  const [initial] = useState(() => {
    const draft = canEdit ? readDraft(functionId) : null;
    const storedText = toEditorText(stored.source);
    if (!draft || draft.text === storedText) {
      if (draft) clearDraft(functionId);
      return { expected: stored.lastModified, text: storedText, restored: null as RestoredDraft | null };
    }
    const stale = draft.baseLastModified !== stored.lastModified;
    return { expected: draft.baseLastModified, text: draft.text, restored: { updatedAt: draft.updatedAt, stale } };
  });
  /** The newest stored version we know of: what "saved" means for the dirty marker and the diff. */
  const [base, setBase] = useState<CodeVersion>(stored);
  /** The lastModified the next save quotes; older than base's only for a restored stale draft. */
  const [expected, setExpected] = useState(initial.expected);
  const [text, setText] = useState(initial.text);
  // What the editor opens with; a new `epoch` remounts it when the text is replaced wholesale.
  const [opened, setOpened] = useState({ text: initial.text, epoch: 0 });
  const [restored, setRestored] = useState<RestoredDraft | null>(initial.restored);
  const [conflict, setConflict] = useState<ConflictVersion | null>(null);
  const [draftKept, setDraftKept] = useState(true);
  const [saving, setSaving] = useState(false);

  const shape = useMemo(() => shapeOf(base.source), [base.source]);
  const savedText = useMemo(() => toEditorText(base.source), [base.source]);
  const dirty = text !== savedText;

  // Keep the draft in the browser a moment after typing stops, and at once when the page goes away.
  const pending = useRef<(() => void) | null>(null);
  useEffect(() => {
    if (!canEdit) return;
    const flush = () => {
      pending.current = null;
      if (text === savedText) clearDraft(functionId);
      else setDraftKept(writeDraft(functionId, { text, baseLastModified: expected, updatedAt: Date.now() }));
    };
    pending.current = flush;
    const timer = window.setTimeout(flush, DRAFT_WRITE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [canEdit, functionId, text, savedText, expected]);
  useEffect(() => {
    const flushNow = () => pending.current?.();
    window.addEventListener("pagehide", flushNow);
    return () => {
      window.removeEventListener("pagehide", flushNow);
      flushNow();
    };
  }, []);

  const adopt = useCallback((version: CodeVersion) => {
    setBase(version);
    setExpected(version.lastModified);
    setRestored(null);
  }, []);

  const replaceText = useCallback((next: string) => {
    setText(next);
    setOpened((o) => ({ text: next, epoch: o.epoch + 1 }));
  }, []);

  /**
   * Saves `current` (the editor's text right now, when the caller has it) or the text last reported.
   * Resolves true when the server holds that text afterwards (saved now, or nothing to save).
   */
  const save = useCallback(
    async (current?: string): Promise<boolean> => {
      const value = current ?? text;
      if (current !== undefined && current !== text) setText(current);
      if (!canEdit || saving) return false;
      if (value === savedText) return true;
      setSaving(true);
      const sent = toSource(value, shape);
      const code = encodeUtf8Base64(sent);
      try {
        let result = await runSave({ workspaceId, functionId, code, expectedLastModified: expected });
        // A settings or status change also moves lastModified. When the stored code is still exactly the
        // one this edit started from, nobody's code would be lost: save again against the new timestamp.
        const raced = conflictVersionOf(result);
        if (raced && expected === base.lastModified && decodeVersion(raced)?.source === base.source) {
          result = await runSave({ workspaceId, functionId, code, expectedLastModified: raced.lastModified });
        }
        const theirs = conflictVersionOf(result);
        if (result.ok) {
          // Typing during the save leaves the editor dirty against the new version, and the draft follows.
          adopt(decodeVersion(result.data) ?? { source: sent, lastModified: result.data.lastModified });
        } else if (theirs) {
          setConflict({ source: decodeVersion(theirs)?.source ?? null, lastModified: theirs.lastModified });
        }
        return result.ok;
      } finally {
        setSaving(false);
      }
    },
    [canEdit, saving, savedText, text, shape, runSave, workspaceId, functionId, expected, base, adopt],
  );

  /** Keep my edit, based on their version now: the next save replaces theirs, knowingly. */
  const keepEditing = useCallback(() => {
    if (!conflict) return;
    if (conflict.source !== null) adopt({ source: conflict.source, lastModified: conflict.lastModified });
    // Their text cannot be shown, but quoting its lastModified is still a deliberate overwrite.
    else setExpected(conflict.lastModified);
    setConflict(null);
  }, [conflict, adopt]);

  /** Drop my edit and open their version. */
  const loadTheirs = useCallback(() => {
    if (conflict?.source == null) return;
    adopt({ source: conflict.source, lastModified: conflict.lastModified });
    replaceText(toEditorText(conflict.source));
    setConflict(null);
  }, [conflict, adopt, replaceText]);

  /** Back to the newest stored version we know (the user confirmed). */
  const discard = useCallback(() => {
    adopt(base);
    replaceText(savedText);
  }, [adopt, base, replaceText, savedText]);

  return {
    base,
    shape,
    savedText,
    text,
    setText,
    opened,
    dirty,
    saving,
    save,
    restored,
    dismissRestored: () => setRestored(null),
    conflict,
    closeConflict: () => setConflict(null),
    keepEditing,
    loadTheirs,
    discard,
    draftKept,
  };
}
