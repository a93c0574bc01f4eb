import { randomUUID } from "node:crypto";
import { chromium } from "@playwright/test";
import { openDatabase } from "../local/backend/db/open";
import { ExecutionLogRepo } from "../local/backend/repos/execution-log-repo";
import { CHROMIUM_ARGS, findChromium } from "../e2e/support/chromium";

export type FilterTiming = { counter: string; shownAfter: number; medianMs: number; maxMs: number; runs: number };

/**
 * Stores `count` executions of one function in the embedded backend's database (written directly: a
 * thousand real invocations would take minutes), for the Executions view to load.
 */
export function storeExecutions(dbPath: string, workspaceId: string, functionId: string, count: number): void {
  const db = openDatabase(dbPath);
  const repo = new ExecutionLogRepo(db);
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const failed = i % 7 === 0;
      repo.insert({
        id: randomUUID(),
        functionId,
        workspaceId,
        at: now - i * 1000,
        status: failed ? "error" : "success",
        duration: 3 + (i % 40),
        statusCode: failed ? 500 : 200,
        requestBody: { name: `user-${i}`, items: [i, i + 1] },
        responseBody: failed ? { error: "bad input" } : { greeting: `안녕하세요 user-${i}` },
        logs: [`handling request ${i}`, failed ? `ValueError: bad input ${i}` : `done in ${3 + (i % 40)} ms`],
        level: failed ? "error" : i % 5 === 0 ? "warn" : "info",
      });
    }
  })();
  db.close();
}

/**
 * The Executions view of a function with every stored execution loaded (limit 1000): the time from
 * choosing a status filter to the list showing the filtered rows (the DOM updated and a frame painted),
 * measured in the page itself, alternating two filters.
 */
export async function measureLogsFilter(
  baseUrl: string,
  cookie: string,
  logsPath: string,
  runs = 9,
): Promise<FilterTiming> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const [name, value] = cookie.split(/=(.*)/s) as [string, string];
  try {
    const context = await browser.newContext();
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${baseUrl}${logsPath}?limit=1000`);
    // By name: the shell's language and theme selects come first on the page.
    const status = page.getByRole("combobox", { name: "Status", exact: true });
    // The Executions count ("N shown of the latest M (T stored)"), not the live tail's status line.
    const COUNT = "shown of the latest";
    const counter = page.locator("p[aria-live=polite]").filter({ hasText: COUNT }).first();
    await counter.waitFor({ timeout: 120_000 });
    const timings: number[] = [];
    let shownAfter = 0;
    let counterAll = "";
    for (let i = 0; i < runs; i++) {
      const choice = i % 2 === 0 ? "error" : "all";
      // No named inner functions: tsx would wrap them in a helper (__name) the page does not have.
      const ms = await status.evaluate(
        (select, [choice, marker]) =>
          new Promise<number>((resolve, reject) => {
            // Re-read each time (React may replace the element); inline: tsx would wrap a named helper.
            const before =
              [...document.querySelectorAll("p[aria-live=polite]")].find((p) => p.textContent?.includes(marker))
                ?.textContent ?? "";
            const started = performance.now();
            // A filter that changes nothing would otherwise wait forever.
            const stuck = setTimeout(
              () => reject(new Error(`the count stayed "${before}" after choosing ${choice}`)),
              30_000,
            );
            const observer = new MutationObserver(() => {
              const now =
                [...document.querySelectorAll("p[aria-live=polite]")].find((p) => p.textContent?.includes(marker))
                  ?.textContent ?? "";
              if (now === before) return;
              observer.disconnect();
              clearTimeout(stuck);
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            (select as HTMLSelectElement).value = choice;
            select.dispatchEvent(new Event("change", { bubbles: true }));
          }),
        [choice, COUNT] as const,
      );
      if (i > 0) timings.push(ms); // the first change also loads code paths for the first time
      if (choice === "error") shownAfter = await page.getByTestId("execution-row").count();
      if (choice === "all") counterAll = (await counter.textContent()) ?? "";
    }
    await context.close();
    timings.sort((a, b) => a - b);
    const r = (n: number) => Math.round(n * 10) / 10;
    return {
      counter: counterAll,
      shownAfter,
      medianMs: r(timings[Math.floor(timings.length / 2)]!),
      maxMs: r(timings.at(-1)!),
      runs: timings.length,
    };
  } finally {
    await browser.close();
  }
}
