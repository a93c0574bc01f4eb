import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILTERS,
  matchesFilters,
  newestFirst,
  prettyJson,
  readFilters,
  writeFilters,
  type ExecutionFilters,
} from "@/components/logs/execution-filters";
import type { ExecutionLogDto } from "@/lib/dto/logs";

const log = (over: Partial<ExecutionLogDto>): ExecutionLogDto => ({
  id: "x",
  functionId: "fn-1",
  timestamp: "2025-12-07T12:00:00+09:00",
  status: "success",
  duration: 12,
  statusCode: 200,
  logs: [],
  level: "info",
  ...over,
});

describe("readFilters", () => {
  it.each([
    ["empty → defaults", "", DEFAULT_FILTERS],
    [
      "all set",
      "status=error&level=warn&q=boom&limit=1000&auto=1",
      { status: "error", level: "warn", q: "boom", limit: 1000, auto: true },
    ],
    ["unknown values fall back", "status=maybe&level=debug&limit=7&auto=yes", DEFAULT_FILTERS],
    ["limit beyond 1000 falls back", "limit=5000", DEFAULT_FILTERS],
  ] as const)("%s", (_n, qs, expected) => {
    expect(readFilters(new URLSearchParams(qs))).toEqual(expected);
  });
});

describe("writeFilters", () => {
  it.each([
    ["defaults leave only other params", DEFAULT_FILTERS, "view=executions"],
    [
      "non-defaults written",
      { status: "error", level: "error", q: "민수", limit: 500, auto: true },
      "view=executions&status=error&level=error&q=%EB%AF%BC%EC%88%98&limit=500&auto=1",
    ],
    ["blank search dropped", { ...DEFAULT_FILTERS, q: "   " }, "view=executions"],
  ] as const)("%s", (_n, filters, expected) => {
    expect(
      writeFilters(new URLSearchParams("view=executions&status=success"), filters as ExecutionFilters).toString(),
    ).toBe(expected);
  });

  it("round-trips through the query string", () => {
    const f: ExecutionFilters = { status: "success", level: "warn", q: "a b&c", limit: 200, auto: true };
    expect(readFilters(writeFilters(new URLSearchParams(), f))).toEqual(f);
  });
});

describe("matchesFilters", () => {
  const failed = log({
    status: "error",
    statusCode: 500,
    level: "error",
    logs: ["Traceback: ValueError"],
    requestBody: { items: [] },
  });
  const ok = log({ logs: ["인사 요청을 받았습니다: 민수"], responseBody: { message: "안녕하세요" } });
  it.each([
    ["no filter", ok, { status: "all", level: "all", q: "" }, true],
    ["status matches", failed, { status: "error", level: "all", q: "" }, true],
    ["status differs", ok, { status: "error", level: "all", q: "" }, false],
    ["level differs", failed, { status: "all", level: "warn", q: "" }, false],
    ["search in log lines, any case", failed, { status: "all", level: "all", q: "valueerror" }, true],
    ["search in the request body", failed, { status: "all", level: "all", q: '"items"' }, true],
    ["search in the response body (Korean)", ok, { status: "all", level: "all", q: "안녕" }, true],
    ["search misses", ok, { status: "all", level: "all", q: "boom" }, false],
    ["all filters together", failed, { status: "error", level: "error", q: "traceback" }, true],
  ] as const)("%s", (_n, l, f, expected) => {
    expect(matchesFilters(l, f)).toBe(expected);
  });
});

it("newestFirst orders by instant", () => {
  const a = log({ id: "a", timestamp: "2025-12-07T12:00:00+09:00" });
  const b = log({ id: "b", timestamp: "2025-12-07T12:00:01.5+09:00" });
  const c = log({ id: "c", timestamp: "2025-12-06T23:59:59+09:00" });
  expect(newestFirst([a, c, b]).map((l) => l.id)).toEqual(["b", "a", "c"]);
});

describe("prettyJson", () => {
  it.each([
    ["object", { a: 1 }, '{\n  "a": 1\n}'],
    ["JSON text", '{"a":[1]}', '{\n  "a": [\n    1\n  ]\n}'],
    ["plain text unchanged", "hello", "hello"],
    ["broken JSON text unchanged", "{nope", "{nope"],
    ["absent", undefined, ""],
    ["null", null, "null"],
    ["Korean kept as is", { m: "안녕" }, '{\n  "m": "안녕"\n}'],
  ] as const)("%s", (_n, value, expected) => {
    expect(prettyJson(value)).toBe(expected);
  });
});
