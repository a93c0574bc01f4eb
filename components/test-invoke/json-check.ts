import { locateJsonError } from "./json-locate";

/** Where a payload stops being JSON, in editor terms (1-based line and column). */
export type JsonProblem = { line: number; column: number; reason: "empty" | "syntax"; detail: string };
export type JsonCheck = { ok: true; value: unknown } | { ok: false; problem: JsonProblem };

/** Line and column of a 0-based offset. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** Checks a payload exactly as the BFF will (JSON.parse) and, when it fails, says where. */
export function checkJson(text: string): JsonCheck {
  if (text.trim() === "") return { ok: false, problem: { line: 1, column: 1, reason: "empty", detail: "" } };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    const offset = locateJsonError(text);
    return { ok: false, problem: { ...positionAt(text, offset < 0 ? text.length : offset), reason: "syntax", detail } };
  }
}

/** A JSON text shown pretty-printed; anything else as it came. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
