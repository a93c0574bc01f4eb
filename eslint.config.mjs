import js from "@eslint/js";
import { readdirSync, readFileSync } from "node:fs";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import nextPlugin from "@next/eslint-plugin-next";
import importX from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * The one part of server/ a client component may import: the server/actions modules that start with
 * "use server" (Next hands the browser a reference to each export, never the code). Their helpers
 * (with-action, schemas, revalidate) are plain server modules and stay out of reach.
 */
const actionsDir = new URL("./server/actions/", import.meta.url);
const serverActionModules = readdirSync(actionsDir)
  .filter((file) => /\.tsx?$/.test(file) && /^"use server";/.test(readFileSync(new URL(file, actionsDir), "utf8")))
  .map((file) => file.replace(/\.tsx?$/, ""));

/** Code the browser may load must not reach server-only or embedded-platform code. */
const browserBoundaries = {
  "import-x/no-restricted-paths": [
    "error",
    {
      zones: [
        {
          target: "./lib",
          from: ["./server", "./local", "./app", "./components"],
          message: "lib/ is isomorphic: it imports nothing above it.",
        },
        {
          target: "./components",
          from: "./server",
          except: serverActionModules.map((name) => `./actions/${name}.ts`),
          message: "components/ run in the browser: use lib/, receive data as props, or import a server action.",
        },
        {
          target: "./components",
          from: ["./local", "./app"],
          message: "components/ run in the browser: use lib/ or receive data as props.",
        },
        { target: "./app", from: "./local", message: "The console talks to the embedded platform over HTTP only." },
        {
          target: "./server",
          from: ["./local", "./app", "./components"],
          message: "server/ sits below app/ and never reaches the embedded platform.",
        },
        { target: "./proxy.ts", from: "./local" },
      ],
    },
  ],
};

/** next/link is replaced everywhere; each part of the tree adds the imports it must not make. */
const restrictedImports = (patterns) => ({
  "no-restricted-imports": [
    "error",
    {
      paths: [
        {
          name: "next/link",
          message: "Use Link from @/components/ui/link: it prefetches on intent, not for every visible link.",
        },
      ],
      patterns,
    },
  ],
});

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      ".reports/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "import-x": importX, "react-hooks": reactHooks, "@next/next": nextPlugin, "jsx-a11y": jsxA11y },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      ...browserBoundaries,
      "import-x/no-cycle": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: "Read configuration through server/env.ts.",
        },
      ],
    },
  },
  {
    // Configuration is read once here; local/, e2e/, tests and tooling are processes of their own;
    // instrumentation.ts only branches on NEXT_RUNTIME, which Next inlines at build time.
    files: [
      "server/env.ts",
      "instrumentation.ts",
      "local/**",
      "e2e/**",
      "tests/**",
      "bench/**",
      "*.config.{mjs,mts,ts}",
      ".ci/**",
    ],
    rules: { "no-restricted-syntax": "off" },
  },
  {
    // The production entry point runs as plain CommonJS beside Next's standalone server.js.
    files: ["deploy/**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Client components must never import server code, whatever folder they sit in; only the
    // "use server" action modules, which reach the browser as references.
    files: ["components/**/*.{ts,tsx}"],
    rules: restrictedImports([
      { group: ["server-only", "@/local/*"], message: "Browser code cannot import server/ or local/." },
      {
        regex: `^@/server/(?!actions/(?:${serverActionModules.join("|")})$)`,
        message: 'Browser code cannot import server/, except the "use server" modules of server/actions/.',
      },
    ]),
  },
  {
    // lib/ is isomorphic and imports nothing above it, server actions included.
    files: ["lib/**/*.{ts,tsx}"],
    rules: restrictedImports([
      { group: ["server-only", "@/server/*", "@/local/*"], message: "Browser code cannot import server/ or local/." },
    ]),
  },
  {
    files: ["app/**/*.{ts,tsx}", "proxy.ts", "server/**/*.{ts,tsx}"],
    rules: restrictedImports([
      { group: ["@/local/*", "**/local/*"], message: "The console talks to the embedded platform over HTTP only." },
    ]),
  },
);
