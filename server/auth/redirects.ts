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

/**
 * next-auth's redirect callback: where sign-in and sign-out may send the browser (the callbackUrl
 * parameter, or the next-auth.callback-url cookie, both attacker-controlled). A same-site path or an
 * absolute URL on the console's own origin; anything else, malformed or not (`\\evil.com`, control
 * characters, other hosts), becomes the console's home instead of an open redirect or a 500.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  if (typeof url !== "string" || url.includes("\\") || /\p{Cc}/u.test(url)) return baseUrl;
  if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
  if (!URL.canParse(url) || !URL.canParse(baseUrl)) return baseUrl;
  return new URL(url).origin === new URL(baseUrl).origin ? url : baseUrl;
}

/** next-auth's error codes we explain; others show a generic message. */
export const SIGN_IN_ERRORS = [
  "AccessDenied",
  "OAuthSignin",
  "OAuthCallback",
  "Callback",
  "Configuration",
  "SessionRequired",
] as const;
export type SignInError = (typeof SIGN_IN_ERRORS)[number] | "Default";

export function signInErrorCode(value: string | string[] | undefined): SignInError | null {
  const code = Array.isArray(value) ? value[0] : value;
  if (!code) return null;
  return (SIGN_IN_ERRORS as readonly string[]).includes(code) ? (code as SignInError) : "Default";
}
