/** A read that may fail, as server components hand it to the UI: the error is already safe to show. */
export type SafeError = { status: number; code: string; message: string; requestId?: string };
export type Settled<T> = { ok: true; data: T } | { ok: false; error: SafeError };
