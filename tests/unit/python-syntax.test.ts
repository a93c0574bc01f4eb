import { describe, expect, it } from "vitest";
import { pythonSyntaxErrors } from "@/server/ship/python-syntax";

describe("the pre-deploy syntax check (Ruff's parser in the server)", () => {
  it("finds Python's syntax errors with their line and column, first one first", async () => {
    const [first] = await pythonSyntaxErrors('def handler(event):\n    return {"version": }\n');
    expect(first).toMatchObject({ line: 2, column: expect.any(Number) as number });
    expect(first!.message).toMatch(/expression/i);
  });

  it("passes code that parses, lint findings included (an undefined name is the runtime's business)", async () => {
    expect(await pythonSyntaxErrors("import os\ndef handler(event):\n    return missing_name\n")).toEqual([]);
    expect(await pythonSyntaxErrors('# 한국어 주석\ndef handler(event):\n    return {"인사": "안녕"}\n')).toEqual([]);
  });
});
