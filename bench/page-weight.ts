import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../e2e/support/chromium";

export type PageWeight = { page: string; jsBytes: number; jsFiles: number; totalBytes: number };

/**
 * What a browser downloads to show each page, as transferred (compressed) bytes, measured in Chromium
 * with a cold cache per page.
 */
export async function measurePages(baseUrl: string, cookie: string, paths: string[]): Promise<PageWeight[]> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const [name, value] = cookie.split(/=(.*)/s) as [string, string];
  const results: PageWeight[] = [];
  try {
    for (const path of paths) {
      const context = await browser.newContext();
      await context.addCookies([{ name, value, url: baseUrl }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      const types = new Map<string, string>();
      let js = 0;
      let files = 0;
      let total = 0;
      // Requests in flight, and who waits for none to be: the page is measured once it is quiet.
      let inflight = 0;
      let onIdle: (() => void) | null = null;
      const settle = () => {
        inflight--;
        if (inflight === 0) onIdle?.();
      };
      cdp.on("Network.requestWillBeSent", () => inflight++);
      cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type));
      cdp.on("Network.loadingFailed", settle);
      cdp.on("Network.loadingFinished", (e) => {
        total += e.encodedDataLength;
        if (types.get(e.requestId) === "Script") {
          js += e.encodedDataLength;
          files++;
        }
        settle();
      });
      await page.goto(baseUrl + path, { waitUntil: "load" });
      // Lazy widgets (Monaco, Ruff, Chart.js) have loaded once their placeholders (skeletons) are gone; then wait
      // for the network to go quiet (what they fetched after mounting, like Ruff's WebAssembly).
      await page.waitForFunction(() => document.querySelectorAll(".animate-pulse.rounded-md").length === 0, null, { timeout: 90_000 });
      if (inflight > 0) await new Promise<void>((resolve) => (onIdle = resolve));
      results.push({ page: path, jsBytes: js, jsFiles: files, totalBytes: total });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}
