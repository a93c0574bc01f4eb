// After `next build`: the standalone server needs the static assets (and public/) beside it, each
// static text asset a brotli twin, and the entry point that serves those (deploy/console-server.cjs).
import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const target = ".next/standalone";
if (!existsSync(`${target}/server.js`)) {
  console.error("standalone output missing: is output: 'standalone' set in next.config.mjs?");
  process.exit(1);
}
cpSync(".next/static", `${target}/.next/static`, { recursive: true });
if (existsSync("public")) cpSync("public", `${target}/public`, { recursive: true });
copyFileSync("deploy/console-server.cjs", `${target}/console-server.cjs`);

let files = 0;
let before = 0;
let after = 0;
for (const entry of readdirSync(`${target}/.next/static`, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.(?:js|css|svg|json|txt)$/.test(entry.name)) continue;
  const file = join(entry.parentPath, entry.name);
  const source = readFileSync(file);
  const compressed = brotliCompressSync(source, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
  });
  writeFileSync(`${file}.br`, compressed);
  files++;
  before += source.length;
  after += compressed.length;
}
console.log(`brotli: ${files} static assets, ${Math.round(before / 1024)} KB → ${Math.round(after / 1024)} KB`);
console.log("standalone server ready: .next/standalone/console-server.cjs");
