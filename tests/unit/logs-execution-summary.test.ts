import { describe, expect, it } from "vitest";
import { executionSummary } from "@/components/logs/execution-summary";

const traceback = [
  "Traceback (most recent call last):",
  '  File "/fn/main.py", line 2, in handler',
  "    return 1 / 0",
  "ZeroDivisionError: division by zero",
];

describe("executionSummary", () => {
  it.each([
    ["lines one by one", { status: "error" as const, logs: traceback }],
    ["one multi-line entry", { status: "error" as const, logs: [traceback.join("\n")] }],
    [
      "a traceback in a run the backend called a success",
      { status: "success" as const, logs: ["started", ...traceback] },
    ],
  ])("an error shows its exception line (%s)", (_n, log) => {
    expect(executionSummary(log)).toBe("ZeroDivisionError: division by zero");
  });

  it("dotted and bare exception names count too", () => {
    expect(
      executionSummary({
        status: "error",
        logs: ["Traceback (most recent call last):", "  x", "app.errors.QuotaExceeded: over"],
      }),
    ).toBe("app.errors.QuotaExceeded: over");
    expect(
      executionSummary({ status: "error", logs: ["Traceback (most recent call last):", "  x", "KeyboardInterrupt"] }),
    ).toBe("KeyboardInterrupt");
  });

  it("an error without a traceback shows its exception line when it printed one", () => {
    expect(executionSummary({ status: "error", logs: ["handling", "ValueError: bad input", "cleanup done"] })).toBe(
      "ValueError: bad input",
    );
  });

  it("a success shows its first line; with no lines, the response body", () => {
    expect(executionSummary({ status: "success", logs: ["", "hello", "world"] })).toBe("hello");
    expect(executionSummary({ status: "success", logs: [], responseBody: { ok: true } })).toBe('{"ok":true}');
    expect(executionSummary({ status: "success", logs: [] })).toBe("");
  });
});
