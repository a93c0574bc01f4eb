import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Result } from "@/lib/api/result";
import { currentRequestId } from "@/server/context/request-context";
import { isSessionEnded, toFailure } from "./sanitise";

/**
 * For server components: a read's result or a safe failure to render inline, so one failing read never
 * blanks the page. The same sanitiser as route handlers and actions: a backend 401 under the service
 * credential is the console's misconfiguration (a 502 panel), only an ended session goes to sign-in
 * and back to the same page. Next's own control flow is rethrown by the sanitiser.
 */
export async function settle<T>(read: Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, data: await read };
  } catch (err) {
    const error = toFailure(err, await currentRequestId());
    if (isSessionEnded(error)) {
      const path = (await headers()).get("x-eunha-path") ?? "/";
      redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    }
    return { ok: false, error };
  }
}
