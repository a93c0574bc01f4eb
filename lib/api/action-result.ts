/** What every server action returns: the browser branches on `ok` and `code`, never on message text. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: string; message: string; fieldErrors?: Record<string, string[]>; requestId?: string };
