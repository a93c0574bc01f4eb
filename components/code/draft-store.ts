import { readJson, removeKey, writeJson } from "@/components/editor/browser-storage";

/**
 * An unsaved edit kept in this browser, so a reload, a closed tab or a crash does not lose it.
 *
 * One entry per function, holding the `lastModified` of the version the edit started from. Keying the
 * entry by that timestamp as well would hide a draft as soon as anyone saves the function, which is
 * exactly when it matters most; with it inside, a stale draft is restored and its next save meets the
 * conflict check, which shows both versions.
 */
export type CodeDraft = {
  /** The editor's text (as Monaco holds it: no BOM, one line ending). */
  text: string;
  /** The saved version the edit is based on. */
  baseLastModified: string;
  /** When the draft was last written (ms since epoch). */
  updatedAt: number;
};

const key = (functionId: string) => `eunha.code-draft.v1.${functionId}`;

function isDraft(value: unknown): value is CodeDraft {
  const d = value as Partial<CodeDraft> | null;
  return typeof d?.text === "string" && typeof d.baseLastModified === "string" && typeof d.updatedAt === "number";
}

export function readDraft(functionId: string): CodeDraft | null {
  return readJson("local", key(functionId), isDraft);
}

/** False when the browser refused to keep it (storage full or disabled). */
export function writeDraft(functionId: string, draft: CodeDraft): boolean {
  return writeJson("local", key(functionId), draft);
}

export function clearDraft(functionId: string): void {
  removeKey("local", key(functionId));
}
