"use client";

import { useTranslations } from "next-intl";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import type { Failure, Result } from "@/lib/api/result";
import { useSessionEnded } from "./session-redirect";

type Options<T> = {
  /** Toast shown on success; omit for none. */
  success?: string | ((data: T) => string);
  /** Show failures as a toast too (forms usually render them inline instead). */
  toastErrors?: boolean;
  onSuccess?: (data: T) => void;
};

/**
 * Runs a server action with the console's conventions: a pending flag, a success toast, the failure kept
 * for inline display (field errors included), and an ended session sent to sign-in and back.
 * The action never throws to here except when the network itself fails.
 */
export function useAction<I, T>(action: (input: I) => Promise<Result<T>>, options: Options<T> = {}) {
  const t = useTranslations("common.actions");
  const sessionEnded = useSessionEnded();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);

  const run = useCallback(
    async (input: I): Promise<Result<T>> => {
      setPending(true);
      setFailure(null);
      let result: Result<T>;
      try {
        result = await action(input);
      } catch {
        result = { ok: false, error: { status: 0, code: "NETWORK_ERROR", message: t("networkError") } };
      } finally {
        setPending(false);
      }
      const opts = options;
      if (result.ok) {
        const message = typeof opts.success === "function" ? opts.success(result.data) : opts.success;
        if (message) toast.success(message);
        opts.onSuccess?.(result.data);
      } else if (result.error.code === "UNAUTHENTICATED") {
        sessionEnded();
      } else {
        setFailure(result.error);
        if (opts.toastErrors) toast.error(result.error.message);
      }
      return result;
    },
    [action, options, t, sessionEnded],
  );

  return { run, pending, failure, clearFailure: () => setFailure(null) };
}
