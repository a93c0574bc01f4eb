"use client";

import { type RefObject, useLayoutEffect, useRef } from "react";

/**
 * A ref that always holds the latest value, for callbacks handed once to code outside React (Monaco
 * commands, window listeners) that must still call the current handler.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
