import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../e2e/support/chromium";
import { progress } from "./progress";

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
      // Requests in flight by id, and who waits for none to be: the page is measured once it is quiet.
      // By id, not a count: a redirect sends requestWillBeSent again under the same id and finishes once.
      const inflight = new Map<string, string>();
      let onIdle: (() => void) | null = null;
      const settle = (e: { requestId: string }) => {
        inflight.delete(e.requestId);
        if (inflight.size === 0) onIdle?.();
      };
      cdp.on("Network.requestWillBeSent", (e) => inflight.set(e.requestId, e.request.url));
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
        settle(e);
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
      progress(`page weight: ${path}: loading`);
      await page.goto(baseUrl + path, { waitUntil: "load" });
      progress(`page weight: ${path}: loaded; waiting for lazy widgets and a quiet network`);
      // Lazy widgets (Monaco, Ruff, Chart.js) have loaded once their placeholders (skeletons) are gone; then wait
      // for the network to go quiet (what they fetched after mounting, like Ruff's WebAssembly).
      await page.waitForFunction(() => document.querySelectorAll(".animate-pulse.rounded-md").length === 0, null, {
        timeout: 90_000,
      });
      if (inflight.size > 0) {
        // A request that never ends would hang the whole bench: fail naming it instead.
        let stuck: NodeJS.Timeout | undefined;
        await Promise.race([
          new Promise<void>((resolve) => (onIdle = resolve)),
          new Promise<never>((_, reject) => {
            stuck = setTimeout(
              () => reject(new Error(`${path}: requests still open after 60 s: ${[...inflight.values()].join(", ")}`)),
              60_000,
            );
          }),
        ]).finally(() => clearTimeout(stuck));
      }
      progress(`page weight: ${path}: quiet; sizing ${gzipped.length} scripts`);
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
