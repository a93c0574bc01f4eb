/*
 * How stored source maps onto what Monaco shows, so that saving writes back exactly what was loaded
 * plus the user's edits. Monaco strips a leading BOM from its model and gives a file one line ending
 * (the majority one, as below); everything else survives byte for byte.
 */

const BOM = "\uFEFF";
const LINE_BREAK = /\r\n|\r|\n/g;

export type Eol = "\n" | "\r\n";

export type SourceShape = {
  /** The file starts with a UTF-8 byte order mark, which Monaco hides and saving must restore. */
  bom: boolean;
  eol: Eol;
  /** The file mixes line endings: Monaco shows (and saving writes) `eol` everywhere. */
  mixedEol: boolean;
};

/** Monaco's own rule (PieceTreeTextBufferBuilder): CRLF when more than half of the line breaks hold a CR. */
export function shapeOf(source: string): SourceShape {
  let cr = 0;
  let lf = 0;
  let crlf = 0;
  for (const m of source.matchAll(LINE_BREAK)) {
    if (m[0] === "\r\n") crlf++;
    else if (m[0] === "\r") cr++;
    else lf++;
  }
  const total = cr + lf + crlf;
  const eol: Eol = total > 0 && cr + crlf > total / 2 ? "\r\n" : "\n";
  // Any break other than the chosen one is rewritten by Monaco (its normalizeEOL condition).
  const mixedEol = eol === "\r\n" ? cr + lf > 0 : cr + crlf > 0;
  return { bom: source.startsWith(BOM), eol, mixedEol };
}

/** The text Monaco will hold for `source`: no BOM, one line ending. */
export function toEditorText(source: string): string {
  const { bom, eol, mixedEol } = shapeOf(source);
  const body = bom ? source.slice(BOM.length) : source;
  return mixedEol ? body.replace(LINE_BREAK, eol) : body;
}

/** The source to save for the editor's text: the BOM the file had is put back. */
export function toSource(editorText: string, shape: Pick<SourceShape, "bom">): string {
  return shape.bom ? BOM + editorText : editorText;
}

/** UTF-8 size in bytes, what the status bar shows and the backend stores. */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}
