import "server-only";
import { env } from "@/server/env";

/*
 * Response headers of every page (applied by proxy.ts, which also hands the nonce to Next through the
 * request's CSP header so framework scripts carry it). API answers get a static deny-all policy from
 * next.config.mjs instead. What the policy must let through, and why:
 *  - scripts: only this response's nonce, and what those scripts load ('strict-dynamic': Next's chunks,
 *    Monaco's lazy modules); 'wasm-unsafe-eval' lets Ruff's WebAssembly (the editor's linter and
 *    formatter) compile, which allows WebAssembly only, not JavaScript's eval(); development adds
 *    'unsafe-eval' for React's dev tooling;
 *  - styles: 'unsafe-inline', because Monaco injects <style> elements and React sets style attributes;
 *  - workers: Monaco's editor and JSON workers are module workers from /_next/static ('self'), blob: for
 *    bundlers that wrap them;
 *  - fonts: Monaco's codicon font ships as a data: URL or a static file.
 */
export function pageContentSecurityPolicy(nonce: string): string {
  const dev = env().NODE_ENV === "development";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'wasm-unsafe-eval'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh, unguessable nonce per page response. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

/** Headers every page carries besides the CSP; HSTS only in production (browsers ignore it over http). */
export function pageSecurityHeaders(nonce: string): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": pageContentSecurityPolicy(nonce),
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (env().NODE_ENV === "production") headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
