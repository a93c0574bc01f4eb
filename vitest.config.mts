import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}` },
      { find: /^server-only$/, replacement: `${root}tests/support/server-only-stub.ts` },
    ],
  },
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ["default", ["json", { outputFile: ".reports/vitest.json" }]],
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["tests/**/*.test.{ts,tsx}", "{lib,server,components,local}/**/*.test.{ts,tsx}"],
          exclude: ["tests/hooks/**"],
          environment: "node",
        },
      },
      {
        // Stateful client hooks, rendered with React in a DOM (jsdom): localStorage, timers, effects.
        extends: true,
        test: { name: "hooks", include: ["tests/hooks/**/*.test.{ts,tsx}"], environment: "jsdom" },
      },
    ],
  },
});
