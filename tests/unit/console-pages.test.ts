import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CONSOLE_PAGES, routeOfPageFile } from "../../e2e/support/console-pages";

function pageFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "api" || e.name.startsWith("_") ? [] : pageFiles(path);
    return e.name === "page.tsx" ? [relative("app", path)] : [];
  });
}

describe("the accessibility scan's page list", () => {
  it("names every page of the app directory, and nothing else", () => {
    const routes = pageFiles("app").map(routeOfPageFile).sort();
    expect(routes.length).toBeGreaterThan(10);
    expect(Object.keys(CONSOLE_PAGES).sort()).toEqual(routes);
  });

  it("turns page files into routes without their groups", () => {
    expect(routeOfPageFile("(console)/workspaces/[workspaceId]/(overview)/page.tsx")).toBe("/workspaces/[workspaceId]");
    expect(routeOfPageFile("(console)/page.tsx")).toBe("/");
  });
});
