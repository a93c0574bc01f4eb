// After `next build`: the standalone server needs the static assets (and public/) beside it.
import { cpSync, existsSync } from "node:fs";

const target = ".next/standalone";
if (!existsSync(`${target}/server.js`)) {
  console.error("standalone output missing: is output: 'standalone' set in next.config.mjs?");
  process.exit(1);
}
cpSync(".next/static", `${target}/.next/static`, { recursive: true });
if (existsSync("public")) cpSync("public", `${target}/public`, { recursive: true });
console.log("standalone server ready: .next/standalone/server.js");
