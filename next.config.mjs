import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./server/i18n/request.ts",
  // The catalogs (messages/<locale>/<namespace>.json) are compiled at build time, so the browser gets
  // ready-made messages and only a formatter, not an ICU parser (12 KB gzip on every page).
  experimental: { messages: { format: "json", path: "./messages", locales: ["en", "ko"], precompile: true } },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  reactStrictMode: true,
  // pino uses worker threads and dynamic requires that bundling breaks; ioredis is plain Node; the
  // store's drivers are native (better-sqlite3) or optional-require heavy (pg).
  // Ruff's WebAssembly is read from node_modules by the pre-deploy syntax check (server/ship/python-syntax.ts).
  serverExternalPackages: ["pino", "ioredis", "better-sqlite3", "pg", "@astral-sh/ruff-wasm-web"],
  // Read with fs at run time by the pre-deploy syntax check, so no import traces it.
  outputFileTracingIncludes: { "/*": ["./node_modules/@astral-sh/ruff-wasm-web/ruff_wasm_bg.wasm"] },
  experimental: {
    // Function code travels Base64 through saveFunctionCode: 1 MB of source is ~1.4 MB encoded.
    serverActions: { bodySizeLimit: "8mb" },
    // Needed for React's taint APIs (experimental_taintUniqueValue) on registry credentials.
    taint: true,
    // CI builds from a clean clone: a persistent build cache only costs time there.
    turbopackFileSystemCacheForBuild: false,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
        ],
      },
      {
        // JSON answers render nothing; pages get a nonce-based policy from proxy.ts instead.
        source: "/api/:path*",
        headers: [
          {
            key: "Content-Security-Policy",
            value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
          },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
