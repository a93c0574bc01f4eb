"use client";

import { useSyncExternalStore } from "react";

/*
 * Monaco draws its own colours, so it must follow the console's theme: the class on <html>
 * (theme-dark / theme-light / theme-system, switched without a reload) and, for "system", the OS.
 */
function isDark(): boolean {
  const html = document.documentElement;
  if (html.classList.contains("theme-dark")) return true;
  if (html.classList.contains("theme-light")) return false;
  return window.matchMedia("(prefers-color-scheme: dark)").matches;
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["class"] });
  const media = window.matchMedia("(prefers-color-scheme: dark)");
  media.addEventListener("change", onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener("change", onChange);
  };
}

/** "vs-dark" or "light", the names @monaco-editor/react takes. */
export function useEditorTheme(): "vs-dark" | "light" {
  const dark = useSyncExternalStore(subscribe, isDark, () => false);
  return dark ? "vs-dark" : "light";
}
