import { expect, type Page, type Response } from "@playwright/test";

/** Records every CSP violation the page (and its workers) report, from before the first script runs. */
export async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const consoleErrors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) consoleErrors.push(m.text());
  });
  return async () => [
    ...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations ?? [])),
    ...consoleErrors.splice(0),
  ];
}

/** A page's security headers: the nonce-based CSP and the rest (issue 11, point 9). */
export function expectPageHeaders(response: Response | null): void {
  expect(response).not.toBeNull();
  const h = response!.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  // WebAssembly may compile (Ruff in the editor); JavaScript's eval may not.
  expect(h["content-security-policy"]).toContain("'wasm-unsafe-eval'");
  expect(h["content-security-policy"]).not.toMatch(/\s'unsafe-eval'/);
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
  expect(h["x-frame-options"]).toBe("DENY");
}
