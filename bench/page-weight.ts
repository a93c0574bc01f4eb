import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../e2e/support/chromium";

export type PageWeight = {
  page: string;
  /** Transferred (compressed as served) JavaScript bytes. */
  jsBytes: number;
  /** The same scripts gzipped (level 6, what `compress` serves): comparable whatever the server sends. */
  jsGzipBytes: number;
  jsFiles: number;
  /** Scripts the server sent brotli-compressed. */
  jsBrotliFiles: number;
  totalBytes: number;
  /** RSC prefetch requests the page fired while loading and sitting idle (no pointer, no focus). */
  prefetches: number;
};

/**
 * What a browser downloads to show each page, measured in Chromium with a cold cache per page: bytes as
 * transferred, the scripts gzipped, and the router prefetches the page fires on its own.
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
      let prefetches = 0;
      let brotli = 0;
      const gzipped: Array<Promise<number>> = [];
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
      page.on("request", (req) => {
        if (req.headers()["next-router-prefetch"]) prefetches++;
      });
      page.on("response", (res) => {
        if (res.request().resourceType() !== "script") return;
        if (res.headers()["content-encoding"] === "br") brotli++;
        gzipped.push(
          res.body().then(
            (b) => gzipSync(b, { level: 6 }).length,
            () => 0,
          ),
        );
      });
      await page.goto(baseUrl + path, { waitUntil: "load" });
      // Lazy widgets (Monaco, Ruff, Chart.js) have loaded once their placeholders (skeletons) are gone; then wait
      // for the network to go quiet (what they fetched after mounting, like Ruff's WebAssembly).
      await page.waitForFunction(() => document.querySelectorAll(".animate-pulse.rounded-md").length === 0, null, {
        timeout: 90_000,
      });
      if (inflight > 0) await new Promise<void>((resolve) => (onIdle = resolve));
      const jsGzipBytes = (await Promise.all(gzipped)).reduce((a, b) => a + b, 0);
      results.push({
        page: path,
        jsBytes: js,
        jsGzipBytes,
        jsFiles: files,
        jsBrotliFiles: brotli,
        totalBytes: total,
        prefetches,
      });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}
