"use client";

import { type RefObject, useEffect, useState } from "react";

/**
 * After a refused submit, moves focus to the first invalid control so keyboard and screen-reader users
 * land on the problem. Keyed on submit attempts, not on the errors themselves, so fixing one field never
 * pulls focus away to another while the user types.
 */
export function useFocusFirstError(formRef: RefObject<HTMLFormElement | null>) {
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [attempt, formRef]);
  return () => setAttempt((n) => n + 1);
}
