import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContextOptions, type Page } from "@playwright/test";
import { uniqueName } from "./support/api";
import { CONSOLE_PAGES, EXTRA_PAGES, type PageEntry, type PageIds } from "./support/console-pages";
import { expectPageHeaders, watchViolations } from "./support/csp";
import { expect, test } from "./support/fixtures";
import { storageStateFor, type DemoRole } from "./support/users";

/*
 * The accessibility gate: every page of the console (the list is checked against the app directory by
 * tests/unit/console-pages.test.ts), as each role, in both languages and both themes, with axe-core.
 * Each page is loaded once per role and language and scanned in place, the theme switched as the
 * header's theme switch does (no reload).
 * No serious or critical violation may remain. Moderate and minor ones are attached to the report.
 * On the way, every page must carry the security headers and raise no CSP violation (issue 11, point 9).
 */
const LOCALES = ["en", "ko"] as const;
type Theme = "light" | "dark";
/** The rules whose outcome depends on colours, the only thing a theme changes. */
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

/*
 * What each language × theme can change, and so what it is scanned for (axe takes seconds per full
 * pass on a loaded two-core runner, and a page is scanned 3 roles × 4 ways): a theme changes colours
 * only, a language changes text only (same elements, classes, sizes and colours). So English is
 * scanned with every rule in the light theme and with the colour rules in the dark one; Korean with
 * every rule but the colour ones (its colours are English's). Every rule meets every language and
 * every theme it depends on.
 */
type Pass = { theme: Theme; rules: "all" | "colour" | "text" };
function passesFor(locale: (typeof LOCALES)[number]): Pass[] {
  if (locale === "en")
    return [
      { theme: "light", rules: "all" },
      { theme: "dark", rules: "colour" },
    ];
  return [{ theme: "light", rules: "text" }];
}
const ROLES: DemoRole[] = ["manager", "developer", "admin"];
const ALL = { ...CONSOLE_PAGES, ...EXTRA_PAGES };
const CONSOLE_SCAN = Object.entries(ALL).filter(([, p]) => p.audience === "console");
// The scans are independent and long: both workers take them (each worker makes its own workspace).
test.describe.configure({ mode: "parallel" });

let ids: PageIds;
test.beforeAll(async ({ specWorkspaces, developerApi: dev }, testInfo) => {
  const ws = await specWorkspaces.of(testInfo);
  const fn = await specWorkspaces.newFunction(testInfo, "a11y-fn");
  await dev.post(`/api/workspaces/${ws.id}/functions/${fn.id}/invoke`, { data: { hello: "axe" } });
  const build = await dev.post("/api/v1/build", {
    multipart: {
      app_name: uniqueName("a11y-app"),
      workspace_id: ws.id,
      file: { name: "main.py", mimeType: "text/x-python", buffer: Buffer.from("def handler(event):\n    return {}\n") },
    },
  });
  expect(build.status(), await build.text()).toBe(202);
  const task = (await build.json()) as { task_id: string };
  ids = { ws: ws.id, fn: fn.id, task: task.task_id };
});

/** Applies a theme the way the header's theme switch does: at once, on <html>, no reload. */
async function applyTheme(page: Page, theme: Theme) {
  await page.evaluate((next) => {
    const root = document.documentElement;
    root.classList.remove("theme-light", "theme-dark", "theme-system");
    root.classList.add(`theme-${next}`);
    root.dataset.theme = next;
  }, theme);
  await expect(page.locator("html")).toHaveClass(new RegExp(`theme-${theme}`));
}

/**
 * Waits until no CSS transition runs: a button enabled at hydration fades from its disabled colour
 * (`transition-colors`), and a theme switch fades every coloured control; axe must see the end state.
 */
async function transitionsEnded(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition)));
}

/** Every page in `pages`, loaded once and scanned in both themes. */
async function scan(
  browser: Browser,
  options: BrowserContextOptions,
  locale: (typeof LOCALES)[number],
  baseURL: string,
  pages: Array<[string, PageEntry]>,
) {
  const context = await browser.newContext({ ...options, baseURL });
  const host = new URL(baseURL).hostname;
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, domain: host, path: "/" }]);
  const page = await context.newPage();
  // The walk loads every page as every role: it checks the security headers and the CSP on the way.
  const violations = await watchViolations(page);
  const failures: string[] = [];
  try {
    for (const [route, entry] of pages) {
      expectPageHeaders(await page.goto(entry.url(ids)));
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.locator("main").first()).toBeVisible();
      // Scan what the user sees once loading placeholders are gone.
      await expect(page.locator('[aria-busy="true"]'))
        .toHaveCount(0, { timeout: 15_000 })
        .catch(() => undefined);
      expect(await violations(), `CSP violations on ${route}`).toEqual([]);
      expect(page.frames(), `${route} has a frame, which legacy-mode axe would not scan`).toHaveLength(1);
      for (const pass of passesFor(locale)) {
        const theme = pass.theme;
        await applyTheme(page, theme);
        await transitionsEnded(page);
        // Legacy mode runs axe in the page itself. The default mode opens a second page for each pass
        // so it can merge results from cross-origin frames, and the console has no frames (checked
        // above). That costs 2.5 times the CPU, and CPU is what a two-core runner lacks.
        // Only violations are read: axe skips detailing passes and incomplete checks. Set first:
        // `options()` replaces what `withTags`, `withRules` and `disableRules` set, which merge into it.
        const axe = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] });
        if (pass.rules === "colour") axe.withRules(COLOUR_RULES);
        else axe.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]);
        if (pass.rules === "text") axe.disableRules(COLOUR_RULES);
        const result = await axe.analyze();
        const blocking = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        for (const v of blocking) {
          failures.push(
            `${route} (${theme}) [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(" "))
              .join("\n    ")}`,
          );
        }
        const minor = result.violations.filter((v) => !blocking.includes(v));
        if (minor.length > 0) {
          await test.info().attach(`${route} ${locale} ${theme} (moderate/minor)`, {
            body: JSON.stringify(minor.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }))),
            contentType: "application/json",
          });
        }
      }
    }
  } finally {
    await context.close();
  }
  expect(failures, failures.join("\n")).toEqual([]);
}

for (const locale of LOCALES) {
  test(`signed-out pages pass axe (${locale})`, async ({ browser, baseURL }) => {
    const pages = Object.entries(ALL).filter(([, p]) => p.audience === "signed-out");
    await scan(browser, { storageState: { cookies: [], origins: [] } }, locale, baseURL!, pages);
  });
  for (const role of ROLES) {
    // In two halves: shorter tests spread over both workers, and each stays well inside its time
    // limit on a loaded machine (a whole list took over 5 minutes under a parallel build).
    for (const half of [0, 1]) {
      test(`console pages pass axe as ${role} (${locale}, part ${half + 1} of 2)`, async ({ browser, baseURL }) => {
        test.setTimeout(300_000);
        const pages = CONSOLE_SCAN.filter((_, i) => i % 2 === half);
        await scan(browser, { storageState: storageStateFor(role) }, locale, baseURL!, pages);
      });
    }
  }
}
