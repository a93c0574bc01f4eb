/**
 * Every module under server/ says it is server-only (`import "server-only"`), so a client component
 * that reaches one fails the build instead of shipping server code to the browser. ESLint forbids the
 * imports it can see; this marker also catches the ones it cannot (a chain through another module).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..", "..", "server");
const modules = readdirSync(root, { recursive: true, encoding: "utf8" }).filter(
  (path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path),
);

describe('server/ modules import "server-only"', () => {
  it("finds the modules", () => expect(modules.length).toBeGreaterThan(50));
  it.each(modules)("%s", (path) => {
    expect(readFileSync(join(root, path), "utf8")).toMatch(/^import "server-only";$/m);
  });
});
