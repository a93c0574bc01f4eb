import { NextResponse, type NextRequest } from "next/server";
import { readSessionToken } from "@/server/auth/token";
import { requestIdFrom } from "@/server/context/request-id";
import { newNonce, pageSecurityHeaders } from "@/server/http/security-headers";

/**
 * An optimistic pre-filter: requests without a valid session cookie are sent to sign-in (pages) or
 * refused with 401 (API). It does not check roles; every handler, action and data function checks the
 * session and the role again through server/auth (requireUser).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  const malformed = malformedRequest(request);
  if (malformed) return malformed;
  if (isPublicPage(pathname) || isServerAction(request) || (await readSessionToken(request.cookies)))
    return passOn(request);

  if (isApi(pathname)) {
    return NextResponse.json(
      { error: { code: "UNAUTHENTICATED", message: "Sign in to continue." } },
      { status: 401, headers: { "cache-control": "no-store" } },
    );
  }
  // request.url says "localhost" for 127.0.0.1, but Next turns a same-host redirect into a relative
  // Location, so the browser keeps its host name (and with it the sign-in cookies).
  const signIn = new URL("/signin", request.url);
  signIn.search = "";
  signIn.searchParams.set("callbackUrl", callbackPath(request));
  return NextResponse.redirect(signIn);
}

/**
 * Lets the request through with a request id (the caller's when sane) and its own path, which server
 * components cannot otherwise see: they need it to send an expired session back to the same page.
 */
function passOn(request: NextRequest): NextResponse {
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestIdFrom(request.headers.get("x-request-id")));
  headers.set("x-eunha-path", callbackPath(request));
  if (isApi(request.nextUrl.pathname)) return NextResponse.next({ request: { headers } });
  // Pages: Next reads the nonce from the request's CSP header and puts it on every script it renders.
  const security = pageSecurityHeaders(newNonce());
  headers.set("content-security-policy", security["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers } });
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

function isApi(pathname: string): boolean {
  return pathname === "/api" || pathname.startsWith("/api/");
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Requests no handler can make sense of answer 4xx here, before Next turns them into plain-text 500s:
 * methods nobody serves (TRACE, CONNECT, made-up ones) and paths with broken percent-escapes.
 */
function malformedRequest(request: NextRequest): NextResponse | null {
  const api = isApi(request.nextUrl.pathname);
  if (!METHODS.has(request.method)) {
    return refusal(api, 405, "METHOD_NOT_ALLOWED", `${request.method} is not supported.`, {
      allow: [...METHODS].join(", "),
    });
  }
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return refusal(api, 400, "VALIDATION_ERROR", "The request path has an invalid percent-escape.");
  }
  return null;
}

function refusal(
  api: boolean,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): NextResponse {
  const init = { status, headers: { "cache-control": "no-store", ...headers } };
  return api
    ? NextResponse.json({ error: { code, message, details: {} } }, init)
    : new NextResponse(message, { ...init, headers: { ...init.headers, "content-type": "text/plain; charset=utf-8" } });
}

/**
 * A server action posts to the page's URL; a sign-in redirect is an answer its client cannot read
 * ("could not reach the console"). Every action checks the session itself and answers
 * UNAUTHENTICATED, which the browser turns into sign-in and back, so actions pass through here.
 */
function isServerAction(request: NextRequest): boolean {
  const { pathname } = request.nextUrl;
  return !isApi(pathname) && request.method === "POST" && request.headers.has("next-action");
}

/** Pages reachable without a session (the sign-in flow itself). */
function isPublicPage(pathname: string): boolean {
  return pathname === "/signin" || pathname === "/no-access";
}

/** Where to return after sign-in: this path and query as sent, minus Next's RSC cache-busting parameter. */
function callbackPath(request: NextRequest): string {
  const { pathname, search } = request.nextUrl;
  const query = search
    .slice(1)
    .split("&")
    .filter((part) => part !== "" && part !== "_rsc" && !part.startsWith("_rsc="));
  return query.length > 0 ? `${pathname}?${query.join("&")}` : pathname;
}

export const config = {
  matcher: [
    /*
     * Pages only. Not: Next's static files and images, files with an extension (public/ assets), and
     * the API. Every API route is a withRoute() handler (or next-auth's own, or the health check) that
     * authenticates itself and answers 401 in the same envelope; running the proxy first cost each API
     * call a second cookie check and Next's proxy round (measured in bench/: about a third of the
     * console's own time per read). Upload routes also need their bodies unbuffered.
     */
    "/((?!_next/static|_next/image|api(?:/|$)|.*\\.(?:ico|png|jpg|jpeg|gif|svg|webp|avif|txt|xml|webmanifest|woff2?)$).*)",
  ],
};
