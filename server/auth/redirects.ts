import "server-only";

/**
 * A callbackUrl that stays on this site: a path starting with a single "/". Anything else (absolute
 * URLs, "//host", "/\host") becomes "/", so the sign-in page cannot be used as an open redirect.
 */
export function safeCallbackPath(value: string | string[] | undefined): string {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (!candidate || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) return "/";
  if (/\p{Cc}/u.test(candidate)) return "/"; // control characters: header injection, odd URL parsing
  return candidate;
}

/** next-auth's error codes we explain; others show a generic message. */
export const SIGN_IN_ERRORS = ["AccessDenied", "OAuthSignin", "OAuthCallback", "Callback", "Configuration", "SessionRequired"] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number] | "Default";

export function signInErrorCode(value: string | string[] | undefined): SignInError | null {
  const code = Array.isArray(value) ? value[0] : value;
  if (!code) return null;
  return (SIGN_IN_ERRORS as readonly string[]).includes(code) ? (code as SignInError) : "Default";
}
