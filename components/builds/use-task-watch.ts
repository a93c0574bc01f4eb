"use client";

import { useCallback, useEffect, useState } from "react";
import useSWR from "swr";
import type { ApiError } from "@/lib/api/api-error";
import type { ApiTaskStatus } from "@/lib/dto/task";
import { isTerminal } from "./task-shape";
import { taskKey } from "@/lib/routes";

/** The spec: poll a long job every 5 s, for at most 10 minutes. */
export const MAX_WATCH_MS = 10 * 60 * 1000;

/**
 * Polls `GET /api/v1/tasks/{id}` every `pollMs` until the task is terminal, or until `maxWatchMs`
 * have passed since this page began watching; then `expired` is set and polling stops until `rewatch`.
 */
export function useTaskWatch(taskId: string, initial: ApiTaskStatus, pollMs: number, maxWatchMs = MAX_WATCH_MS) {
  const [expired, setExpired] = useState(false);
  const [round, setRound] = useState(0);
  const { data, error, mutate, isValidating } = useSWR<ApiTaskStatus, ApiError>(taskKey(taskId), {
    fallbackData: initial,
    refreshInterval: (latest) => (expired || (latest && isTerminal(latest.status)) ? 0 : pollMs),
    revalidateOnFocus: !expired,
  });
  const task = data ?? initial;
  const terminal = isTerminal(task.status);

  useEffect(() => {
    if (terminal) return;
    const timer = setTimeout(() => setExpired(true), maxWatchMs);
    return () => clearTimeout(timer);
  }, [terminal, maxWatchMs, round]);

  const rewatch = useCallback(() => {
    setExpired(false);
    setRound((r) => r + 1);
    void mutate();
  }, [mutate]);

  return {
    task,
    error: error ?? null,
    polling: !terminal && !expired,
    expired: expired && !terminal,
    refreshing: isValidating,
    rewatch,
  };
}
