"use client";

import { loader } from "@monaco-editor/react";
import * as monaco from "monaco-editor";

/*
 * Monaco from the bundle, never from a CDN: by default @monaco-editor/react fetches Monaco from jsDelivr,
 * which an offline or locked-down network never answers (the editor would say "Loading..." forever).
 * Only the editor modules import this file, and they are loaded with next/dynamic, so Monaco's ~1 MB
 * reaches the Code and Test tabs only.
 */
self.MonacoEnvironment = {
  // Module workers from the package itself. 0.57's exports map resolves "monaco-editor/x" to esm/vs/x,
  // so the paths carry no "esm/vs/" prefix. Without a worker Monaco falls back to the main thread and
  // logs errors; the JSON worker is what validates the Test tab's payload.
  getWorker(_workerId: string, label: string) {
    if (label === "json") {
      return new Worker(new URL("monaco-editor/language/json/json.worker.js", import.meta.url), {
        type: "module",
        name: "json",
      });
    }
    return new Worker(new URL("monaco-editor/editor/editor.worker.js", import.meta.url), {
      type: "module",
      name: "editor",
    });
  },
};

loader.config({ monaco });

export { monaco };
export type Monaco = typeof monaco;
