"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatLokiTimestamp } from "./kst-format";
import { highlightRuns, type TailLine } from "./loki-buffer";

/** How close to the bottom still counts as "following" (sub-pixel scroll positions, rounding). */
const FOLLOW_SLACK_PX = 24;

function Line({ line, query }: { line: TailLine; query: string }) {
  return (
    <div className="flex gap-3 px-3 py-0.5 hover:bg-zinc-100 dark:hover:bg-zinc-800/60" data-testid="live-line">
      <time className="shrink-0 text-zinc-500 tabular-nums dark:text-zinc-400">
        {formatLokiTimestamp(line.timestamp)}
      </time>
      <span className="min-w-0 whitespace-pre-wrap break-words">
        {highlightRuns(line.line, query).map((run, i) =>
          run.match ? (
            <mark key={i} className="rounded-sm bg-amber-200 text-inherit dark:bg-amber-500/40">
              {run.text}
            </mark>
          ) : (
            <span key={i}>{run.text}</span>
          ),
        )}
      </span>
    </div>
  );
}

/**
 * The tail itself: newest line at the bottom. It follows new lines while the reader is at the
 * bottom, stops following as soon as they scroll up, and offers a way back down.
 */
export function LiveTailView({ lines, query }: { lines: readonly TailLine[]; query: string }) {
  const t = useTranslations("logs.live");
  const scrollRef = useRef<HTMLDivElement>(null);
  const [following, setFollowing] = useState(true);
  const last = lines.length > 0 ? lines[lines.length - 1]!.key : "";

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (following && el) el.scrollTop = el.scrollHeight;
  }, [following, last, lines.length, query]);

  const jump = () => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
    setFollowing(true);
  };

  return (
    <div className="relative">
      <div
        ref={scrollRef}
        role="log"
        aria-label={t("linesLabel")}
        aria-live="off"
        // A scrollable region must take focus so keyboard users can scroll it with the arrow keys.
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= FOLLOW_SLACK_PX;
          if (atBottom !== following) setFollowing(atBottom);
        }}
        className="h-[min(60vh,32rem)] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 py-2 font-mono text-xs focus-visible:outline-2 focus-visible:outline-brand-600 dark:border-zinc-800 dark:bg-zinc-950"
      >
        {lines.map((line) => (
          <Line key={line.key} line={line} query={query} />
        ))}
      </div>
      {following ? null : (
        <div className="pointer-events-none absolute inset-x-0 bottom-3 flex justify-center">
          <Button variant="primary" size="sm" className="pointer-events-auto shadow-md" onClick={jump}>
            {t("jumpToLatest")}
          </Button>
        </div>
      )}
    </div>
  );
}
