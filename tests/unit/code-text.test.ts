import { describe, expect, it } from "vitest";
import { shapeOf, toEditorText, toSource, utf8Bytes } from "@/components/code/code-text";
import { decodeUtf8Base64, encodeUtf8Base64 } from "@/lib/base64";

describe("source ↔ editor text", () => {
  it.each([
    ["LF only", "a\nb\n", "\n", false],
    ["CRLF only", "a\r\nb\r\n", "\r\n", false],
    ["no line break", "print('x')", "\n", false],
    ["mostly CRLF with one LF", "a\r\nb\r\nc\n", "\r\n", true],
    ["mostly LF with one CRLF", "a\nb\nc\r\n", "\n", true],
    ["a lone CR", "a\rb\nc\n", "\n", true],
    ["a tie goes to LF (CRs must be more than half)", "a\r\nb\n", "\n", true],
  ] as const)("%s", (_name, source, eol, mixed) => {
    expect(shapeOf(source)).toMatchObject({ eol, mixedEol: mixed });
  });

  it("keeps a uniform CRLF file exactly", () => {
    const source = "# 주석\r\ndef handler(event):\r\n    return event\r\n";
    expect(toSource(toEditorText(source), shapeOf(source))).toBe(source);
  });

  it("normalizes a mixed file the way Monaco does, to the majority ending", () => {
    expect(toEditorText("a\r\nb\r\nc\n")).toBe("a\r\nb\r\nc\r\n");
    expect(toEditorText("a\nb\nc\r\n")).toBe("a\nb\nc\n");
  });

  it("hides the BOM from the editor and puts it back on save", () => {
    const source = "\uFEFFprint('안녕')\n";
    const shape = shapeOf(source);
    expect(shape.bom).toBe(true);
    expect(toEditorText(source)).toBe("print('안녕')\n");
    expect(toSource(toEditorText(source), shape)).toBe(source);
  });

  it("round-trips Korean text through Base64 byte for byte", () => {
    const source = '# 인사 함수 ✓ 🙂\ndef handler(event):\n    return {"인사": "안녕하세요"}\n';
    const b64 = encodeUtf8Base64(toSource(toEditorText(source), shapeOf(source)));
    expect(Buffer.from(b64, "base64").equals(Buffer.from(source, "utf8"))).toBe(true);
    expect(decodeUtf8Base64(b64)).toBe(source);
  });

  it("counts UTF-8 bytes", () => {
    expect(utf8Bytes("가")).toBe(3);
    expect(utf8Bytes("\uFEFF")).toBe(3);
    expect(utf8Bytes("a🙂")).toBe(5);
  });
});
