/**
 * The browser's JSON fetcher for the BFF's route handlers (SWR's `fetcher`). Every failure becomes an
 * ApiError, so components branch on `error.code` whatever went wrong.
 */
import { ApiError, apiErrorFromResponse } from "./api-error";

export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const headers = new Headers(init?.headers);
  if (!headers.has("accept")) headers.set("accept", "application/json");

  let res: Response;
  try {
    res = await fetch(url, { credentials: "same-origin", ...init, headers });
  } catch (err) {
    // A caller's abort (SWR dedupe, unmount) is not a failure to report; let it through unchanged.
    if (isAbort(err, init?.signal)) throw err;
    throw new ApiError({
      status: 0,
      code: "NETWORK_ERROR",
      message: "Could not reach the console. Check your connection and try again.",
      cause: err,
    });
  }

  if (res.status === 401) throw unauthenticated(await apiErrorFromResponse(res));
  if (!res.ok) throw await apiErrorFromResponse(res);
  if (res.status === 204 || res.status === 205) return undefined as T;

  const text = await res.text();
  const contentType = res.headers.get("content-type") ?? "";
  // The sign-in redirect of the proxy lands here as a 200 HTML page after fetch followed it.
  if (res.redirected && contentType.includes("html")) throw unauthenticated();
  if (text === "") return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    throw new ApiError({
      status: res.status,
      code: "INVALID_RESPONSE",
      message: "The console sent a response that could not be read.",
      requestId: res.headers.get("x-request-id") ?? undefined,
      cause: err,
    });
  }
}

/** Whatever the body said, a 401 means "sign in again"; the UI redirects on this code alone. */
function unauthenticated(from?: ApiError): ApiError {
  if (from?.code === "UNAUTHENTICATED") return from;
  return new ApiError({
    status: 401,
    code: "UNAUTHENTICATED",
    message: "Your session has ended. Please sign in again.",
    requestId: from?.requestId,
  });
}

function isAbort(err: unknown, signal: AbortSignal | null | undefined): boolean {
  return Boolean(signal?.aborted) || (err instanceof DOMException && err.name === "AbortError");
}
