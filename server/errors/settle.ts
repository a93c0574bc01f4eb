import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { isApiError } from "@/lib/api/api-error";
import type { Settled, SafeError } from "@/lib/dto/result";
import { isAuthError } from "@/server/auth/errors";
import { logger } from "@/server/log/logger";

/** Turns any failure into what a page may show; unexpected errors are logged and never described. */
export function toSafeError(err: unknown): SafeError {
  if (isApiError(err)) return { status: err.status, code: err.code, message: err.message, requestId: err.requestId };
  if (isAuthError(err)) return { status: err.status, code: err.code, message: err.message };
  logger.error({ err }, "unexpected error in a read");
  return { status: 500, code: "INTERNAL_ERROR", message: "Something went wrong in the console. Try again." };
}

/**
 * For server components: a read's result or a safe error to render inline, so one failing read never
 * blanks the page. An expired session goes to sign-in and back to the same page.
 */
export async function settle<T>(read: Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, data: await read };
  } catch (err) {
    if ((isAuthError(err) || isApiError(err)) && err.status === 401) {
      const path = (await headers()).get("x-eunha-path") ?? "/";
      redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    }
    return { ok: false, error: toSafeError(err) };
  }
}
