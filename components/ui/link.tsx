"use client";

// eslint-disable-next-line no-restricted-imports -- the one place that wraps it
import NextLink from "next/link";
import { useState, type ComponentProps } from "react";

type Props = ComponentProps<typeof NextLink>;

/**
 * Next's Link, prefetching on intent instead of on sight: the route is prefetched when the pointer
 * enters the link, a finger touches it or it takes keyboard focus, not for every link scrolled into
 * view (a table of functions fired one RSC request per row on every page load). The console's one
 * link component: import `Link` from here, not from next/link.
 */
export function Link({ prefetch, onMouseEnter, onTouchStart, onFocus, ...props }: Props) {
  const [intent, setIntent] = useState(false);
  // An explicit prefetch={false} stays off; anything else becomes the default prefetch once intended.
  const wanted = prefetch === false ? false : intent ? (prefetch ?? null) : false;
  return (
    <NextLink
      {...props}
      prefetch={wanted}
      onMouseEnter={(e) => {
        setIntent(true);
        onMouseEnter?.(e);
      }}
      onTouchStart={(e) => {
        setIntent(true);
        onTouchStart?.(e);
      }}
      onFocus={(e) => {
        setIntent(true);
        onFocus?.(e);
      }}
    />
  );
}
