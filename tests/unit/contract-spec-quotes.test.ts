import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/*
 * Every spec test of tests/contract quotes the sentence it checks with specRule("…"). Here each quote is
 * looked up in the spec itself (whitespace and `code` backticks aside), so a test cannot claim a
 * rule the spec does not state. The spec lives beside the repository (../shared/spec).
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SPEC_CANDIDATES = [join(root, "../shared/spec/backend-api.md"), join(root, "../../shared/spec/backend-api.md")];
const specPath = SPEC_CANDIDATES.find((p) => existsSync(p));
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

describe.skipIf(!specPath)(
  `spec quotes of the contract suite${specPath ? "" : " (skipped: shared/spec/backend-api.md is not beside the repository)"}`,
  () => {
    const text = specPath ? normalize(readFileSync(specPath, "utf8")) : "";

    it("the suite quotes the spec", () => {
      expect(quotes.length).toBeGreaterThan(40);
    });

    it.each(quotes)("%s quotes %j, which the spec says", (_file, quote) => {
      expect(text).toContain(normalize(quote));
    });
  },
);
