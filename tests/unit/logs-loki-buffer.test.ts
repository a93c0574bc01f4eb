import { describe, expect, it } from "vitest";
import { compareNs, filterTail, highlightRuns, mergeTail, type TailLine } from "@/components/logs/loki-buffer";

const e = (timestamp: string, line: string) => ({ timestamp, line });
const lines = (buf: readonly TailLine[]) => buf.map((l) => `${l.timestamp}:${l.line}`);

describe("compareNs", () => {
  it.each([
    ["1", "2", -1],
    ["10", "9", 1],
    ["1733540400123456789", "1733540400123456789", 0],
    // Past 2^53 a double cannot tell these apart.
    ["1733540400123456789", "1733540400123456790", -1],
    ["0009", "10", -1],
  ])("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareNs(a, b))).toBe(sign);
  });
});

describe("mergeTail", () => {
  const cases: Array<{
    name: string;
    buffer: [string, string][];
    incoming: [string, string][];
    max?: number;
    expected: string[];
  }> = [
    {
      name: "first poll, newest-first answer, ends oldest-first",
      buffer: [],
      incoming: [
        ["3", "c"],
        ["2", "b"],
        ["1", "a"],
      ],
      expected: ["1:a", "2:b", "3:c"],
    },
    {
      name: "an overlapping poll adds only new lines",
      buffer: [
        ["1", "a"],
        ["2", "b"],
      ],
      incoming: [
        ["3", "c"],
        ["2", "b"],
        ["1", "a"],
      ],
      expected: ["1:a", "2:b", "3:c"],
    },
    {
      name: "same timestamp, different text: both kept",
      buffer: [["5", "x"]],
      incoming: [
        ["5", "y"],
        ["5", "x"],
      ],
      expected: ["5:x", "5:y"],
    },
    {
      name: "a duplicate within one answer is kept once",
      buffer: [],
      incoming: [
        ["7", "dup"],
        ["7", "dup"],
      ],
      expected: ["7:dup"],
    },
    {
      name: "a late line lands in time order",
      buffer: [
        ["1", "a"],
        ["3", "c"],
      ],
      incoming: [["2", "b"]],
      expected: ["1:a", "2:b", "3:c"],
    },
    {
      name: "the buffer keeps the newest lines",
      buffer: [
        ["1", "a"],
        ["2", "b"],
      ],
      incoming: [
        ["4", "d"],
        ["3", "c"],
      ],
      max: 3,
      expected: ["2:b", "3:c", "4:d"],
    },
    {
      name: "nanosecond precision beyond doubles",
      buffer: [["1733540400123456790", "later"]],
      incoming: [["1733540400123456789", "earlier"]],
      expected: ["1733540400123456789:earlier", "1733540400123456790:later"],
    },
  ];
  it.each(cases)("$name", ({ buffer, incoming, max, expected }) => {
    const start = mergeTail([], buffer.map(([t, l]) => e(t, l)).reverse());
    expect(
      lines(
        mergeTail(
          start,
          incoming.map(([t, l]) => e(t, l)),
          max,
        ),
      ),
    ).toEqual(expected);
  });

  it("returns the same buffer when nothing is new, so React can skip the render", () => {
    const buf = mergeTail([], [e("2", "b"), e("1", "a")]);
    expect(mergeTail(buf, [e("2", "b")])).toBe(buf);
    expect(mergeTail(buf, [])).toBe(buf);
  });

  it("never repeats a line across many overlapping refreshes", () => {
    let buf: readonly TailLine[] = [];
    for (let poll = 0; poll < 50; poll++) {
      const answer = Array.from({ length: 20 }, (_, i) => e(String(1000 + poll + 19 - i), `line ${poll + 19 - i}`));
      buf = mergeTail(buf, answer, 40);
    }
    expect(new Set(buf.map((l) => l.key)).size).toBe(buf.length);
    expect(buf).toHaveLength(40);
    expect(buf.at(-1)?.line).toBe("line 68");
  });
});

describe("highlightRuns", () => {
  it.each([
    ["no query", "hello world", "", [["hello world", false]]],
    [
      "one match",
      "hello world",
      "world",
      [
        ["hello ", false],
        ["world", true],
      ],
    ],
    [
      "case-insensitive, original case kept",
      "Error: ERROR",
      "error",
      [
        ["Error", true],
        [": ", false],
        ["ERROR", true],
      ],
    ],
    [
      "Korean text",
      "인사 요청을 받았습니다: 민수",
      "민수",
      [
        ["인사 요청을 받았습니다: ", false],
        ["민수", true],
      ],
    ],
    ["no match", "abc", "x", [["abc", false]]],
    [
      "adjacent matches",
      "aaaa",
      "aa",
      [
        ["aa", true],
        ["aa", true],
      ],
    ],
  ] as const)("%s", (_n, text, query, expected) => {
    expect(highlightRuns(text, query).map((r) => [r.text, r.match])).toEqual(expected);
  });
});

describe("filterTail", () => {
  const buf = mergeTail([], [e("3", "GET /x"), e("2", "order failed"), e("1", "Order ok")]);
  it.each([
    ["", 3],
    ["  ", 3],
    ["order", 2],
    ["FAILED", 1],
    ["nothing", 0],
  ])("%j keeps %i lines", (q, n) => {
    expect(filterTail(buf, q)).toHaveLength(n);
  });
});
