import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * Every spec test of tests/contract quotes the sentence it checks with specRule("…"). Here each quote is
 * looked up in the spec itself (whitespace and `code` backticks aside), so a test cannot claim a
 * rule the spec does not state. The spec is the shared one beside the repository (../shared/spec);
 * docs/spec/backend-api.md is the copy this code was written against, so the check runs in any clone,
 * and where the shared spec is present the copy must be the same text.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const COPY = join(root, "docs/spec/backend-api.md");
const SHARED = [join(root, "../shared/spec/backend-api.md"), join(root, "../../shared/spec/backend-api.md")].find((p) =>
  existsSync(p),
);
const contractDir = join(root, "tests/contract");

const normalize = (s: string) => s.replace(/`/g, "").replace(/\s+/g, " ").trim();

function quotesIn(source: string): string[] {
  const found: string[] = [];
  const re = /\bspecRule\(\s*(["'])((?:\\.|(?!\1).)*)\1/g;
  for (const m of source.matchAll(re)) found.push(m[2]!.replace(/\\(["'\\])/g, "$1"));
  return found;
}

const files = readdirSync(contractDir).filter((f) => f.endsWith(".test.ts"));
const quotes = files.flatMap((f) => quotesIn(readFileSync(join(contractDir, f), "utf8")).map((q) => [f, q] as const));

describe("spec quotes of the contract suite", () => {
  const text = normalize(readFileSync(COPY, "utf8"));

  it.skipIf(!SHARED)("the repository's copy of the spec is the shared spec's text", () => {
    expect(readFileSync(COPY, "utf8")).toBe(readFileSync(SHARED!, "utf8"));
  });

  it("the suite quotes the spec", () => {
    expect(quotes.length).toBeGreaterThan(40);
  });

  it.each(quotes)("%s quotes %j, which the spec says", (_file, quote) => {
    expect(text).toContain(normalize(quote));
  });
});
