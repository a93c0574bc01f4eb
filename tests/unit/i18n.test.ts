import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LOCALES, NAMESPACES } from "@/lib/i18n/config";
import { negotiateLocale } from "@/server/i18n/negotiate";

function keys(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}
const catalog = (locale: string, ns: string) => JSON.parse(readFileSync(`messages/${locale}/${ns}.json`, "utf8"));

describe("message catalogs", () => {
  it("every namespace file is registered, in every locale", () => {
    for (const locale of LOCALES) {
      const files = readdirSync(`messages/${locale}`)
        .map((f) => f.replace(/\.json$/, ""))
        .sort();
      expect(files).toEqual([...NAMESPACES].sort());
    }
  });
  it.each(NAMESPACES.map((ns) => [ns]))("%s has the same keys in en and ko", (ns) => {
    expect(keys(catalog("ko", ns)).sort()).toEqual(keys(catalog("en", ns)).sort());
  });
});

describe("locale negotiation", () => {
  it.each([
    [undefined, "ko-KR,ko;q=0.9,en;q=0.8", "ko"],
    [undefined, "en-US,en;q=0.9", "en"],
    [undefined, "fr-FR,fr;q=0.9", "en"],
    [undefined, null, "en"],
    [undefined, "*", "en"],
    ["ko", "en-US", "ko"],
    ["en", "ko-KR", "en"],
    ["xx", "ko", "ko"],
  ] as const)("cookie %s, Accept-Language %s → %s", (cookie, header, expected) => {
    expect(negotiateLocale(cookie, header)).toBe(expected);
  });
});
