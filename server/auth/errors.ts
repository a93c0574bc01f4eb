import "server-only";

export type AuthErrorCode = "UNAUTHENTICATED" | "FORBIDDEN";

const STATUS: Record<AuthErrorCode, 401 | 403> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };
const MESSAGE: Record<AuthErrorCode, string> = {
  UNAUTHENTICATED: "Sign in to continue.",
  FORBIDDEN: "Your role does not allow this action.",
};

/**
 * Thrown by requireUser() and friends; the route/action wrapper maps it to the error envelope
 * `{ error: { code, message } }` with `status`. The message is safe to show to the user.
 */
export class AuthError extends Error {
  override name = "AuthError";
  readonly code: AuthErrorCode;
  readonly status: 401 | 403;

  constructor(code: AuthErrorCode, message: string = MESSAGE[code]) {
    super(message);
    this.code = code;
    this.status = STATUS[code];
  }
}

export function isAuthError(error: unknown): error is AuthError {
  return error instanceof AuthError;
}
