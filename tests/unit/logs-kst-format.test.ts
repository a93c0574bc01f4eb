import { kstText } from "@/components/format/kst-time";
import { describe, expect, it } from "vitest";
import { formatIsoKst, formatKstMs, formatLokiTimestamp, formatUnixSecondsKst } from "@/components/logs/kst-format";

describe("formatLokiTimestamp (nanoseconds → KST with ms)", () => {
  it.each([
    ["UTC midnight is 09:00 KST", "1733529600000000000", "2024-12-07 09:00:00.000"],
    ["milliseconds kept, sub-ms dropped", "1733529600123999999", "2024-12-07 09:00:00.123"],
    ["crosses the date line into the next KST day", "1733583600000000000", "2024-12-08 00:00:00.000"],
    ["the epoch", "0", "1970-01-01 09:00:00.000"],
    ["not a number: shown as given", "abc", "abc"],
    ["negative: shown as given", "-5", "-5"],
  ])("%s", (_n, ns, expected) => {
    expect(formatLokiTimestamp(ns)).toBe(expected);
  });
});

describe("formatIsoKst", () => {
  it.each([
    ["a KST time stays the same wall time", "2025-12-07T12:00:00+09:00", false, "2025-12-07 12:00:00"],
    ["a UTC time is shown in KST", "2025-12-07T03:00:00.250Z", true, "2025-12-07 12:00:00.250"],
    ["unparsable: shown as given", "yesterday", false, "yesterday"],
  ] as const)("%s", (_n, iso, ms, expected) => {
    expect(formatIsoKst(iso, ms)).toBe(expected);
  });
});

describe("formatUnixSecondsKst (chart axis)", () => {
  it.each([
    [1733529600, false, "09:00"],
    [1733529600 + 15 * 3600 + 59, true, "00:00:59"],
  ])("%i → %s", (seconds, withSeconds, expected) => {
    expect(formatUnixSecondsKst(seconds, withSeconds)).toBe(expected);
  });
});

it("formatKstMs handles non-finite input", () => {
  expect(formatKstMs(Number.NaN)).toBe("—");
});

describe("kstText: the console's one absolute time format", () => {
  it("reads epoch milliseconds and ISO times alike, 24-hour, marked KST", () => {
    const ms = Date.UTC(2026, 11, 5, 14, 4, 5, 678); // 23:04:05 in Seoul
    expect(kstText(ms)).toBe("2026-12-05 23:04:05 KST");
    expect(kstText("2026-12-05T23:04:05.678+09:00")).toBe("2026-12-05 23:04:05 KST");
    expect(kstText("2026-12-05T14:04:05Z")).toBe("2026-12-05 23:04:05 KST");
  });
});
