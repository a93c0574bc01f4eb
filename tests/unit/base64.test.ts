import { describe, expect, it } from "vitest";
import { Base64DecodeError, decodeUtf8Base64, encodeUtf8Base64 } from "@/lib/base64";

/** Node's Buffer is the reference: the backend's Python b64encode produces the same bytes. */
const reference = (text: string) => Buffer.from(text, "utf8").toString("base64");

const SOURCES: Array<[string, string]> = [
  ["empty source", ""],
  ["ASCII", 'def handler(event):\n    return {"ok": True}\n'],
  [
    "Korean comments and strings",
    '# 사용자 인증 함수\ndef handler(event):\n    return {"message": "안녕하세요, 세계!"}  # 한글 주석\n',
  ],
  ["emoji (astral plane)", 'print("배포 완료 🚀✅ 👩‍💻")\n'],
  ["CRLF and tabs", "def handler(e):\r\n\tif e:\r\n\t\treturn 1\r\n"],
  ["a leading BOM", "\uFEFF# bom\n"],
  ["NUL and control characters", "a\u0000b\u0001c\u007f"],
  ["two padding characters", "a"],
  ["one padding character", "ab"],
];

describe("encodeUtf8Base64 / decodeUtf8Base64", () => {
  it.each(SOURCES)("round-trips %s byte for byte", (_name, text) => {
    const b64 = encodeUtf8Base64(text);
    expect(b64).toBe(reference(text));
    expect(decodeUtf8Base64(b64)).toBe(text);
  });

  it("round-trips a 1 MB source with multi-byte characters across chunk boundaries", () => {
    const line = "# 한글 주석 🚀 with ASCII\t\r\n";
    const text = line.repeat(Math.ceil((1024 * 1024) / line.length));
    const b64 = encodeUtf8Base64(text);
    expect(b64).toBe(reference(text));
    const back = decodeUtf8Base64(b64);
    expect(back.length).toBe(text.length);
    expect(back === text).toBe(true);
  });

  it("decodes what Python's base64.b64encode sent", () => {
    // base64.b64encode("# 안녕\n".encode()).decode()
    expect(decodeUtf8Base64("IyDslYjrhZUK")).toBe("# 안녕\n");
  });
});

describe("decodeUtf8Base64 rejects bad input with a reason", () => {
  it.each([
    ["a character outside the alphabet", "ab$d", "invalid-character", /"\$" at position 2/],
    ["whitespace", "YWJj\nZA==", "invalid-character", /position 4/],
    ["URL-safe alphabet", "-_8=", "invalid-character", /"-" at position 0/],
    ["missing padding", "YWJjZA", "invalid-length", /length 6/],
    ["padding in the middle", "YW=jZA==", "invalid-padding", /padding/],
    ["too much padding", "Y===", "invalid-padding", /padding/],
    ["bytes that are not UTF-8", Buffer.from([0xff, 0xfe, 0x41]).toString("base64"), "invalid-utf8", /not valid UTF-8/],
    [
      "a truncated multi-byte sequence",
      Buffer.from([0xed, 0x95]).toString("base64"),
      "invalid-utf8",
      /not valid UTF-8/,
    ],
  ])("%s", (_name, input, reason, message) => {
    let caught: unknown;
    try {
      decodeUtf8Base64(input);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(Base64DecodeError);
    expect((caught as Base64DecodeError).reason).toBe(reason);
    expect((caught as Base64DecodeError).message).toMatch(message);
    expect((caught as Base64DecodeError).name).toBe("Base64DecodeError");
  });
});
