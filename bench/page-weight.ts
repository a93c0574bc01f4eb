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
  /** Scripts the server sent brotli-compressed (counted over CDP, like jsFiles, workers' scripts included). */
  jsBrotliFiles: number;
  /** The scripts that came without brotli (to find what serves them). */
  notBrotli: string[];
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
      const notBrotli: string[] = [];
      const gzipped: Array<Promise<number>> = [];
      const encodings = new Map<string, string>();
      cdp.on("Network.responseReceived", (e) => {
        types.set(e.requestId, e.type);
        const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
        encodings.set(e.requestId, `${headers["content-encoding"] ?? "none"} ${e.response.url.slice(0, 120)}`);
      });
      cdp.on("Network.loadingFailed", settle);
      cdp.on("Network.loadingFinished", (e) => {
        total += e.encodedDataLength;
        if (types.get(e.requestId) === "Script") {
          js += e.encodedDataLength;
          files++;
          const encoding = encodings.get(e.requestId) ?? "";
          if (encoding.startsWith("br ")) brotli++;
          else notBrotli.push(encoding);
          // Over CDP, not Playwright's page responses: those miss scripts a worker loads (Monaco's).
          gzipped.push(
            cdp.send("Network.getResponseBody", { requestId: e.requestId }).then(
              (b) => gzipSync(Buffer.from(b.body, b.base64Encoded ? "base64" : "utf8"), { level: 6 }).length,
              () => 0,
            ),
          );
        }
        settle(e);
      });
      page.on("request", (req) => {
        if (req.headers()["next-router-prefetch"]) prefetches++;
      });
      progress(`page weight: ${path}: loading`);
      await page.goto(baseUrl + path, { waitUntil: "load" });
      progress(`page weight: ${path}: loaded; waiting for lazy widgets and a quiet network`);
      // Lazy widgets (Monaco, Ruff) have loaded once their placeholders (skeletons) are gone; then wait
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
        notBrotli,
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
