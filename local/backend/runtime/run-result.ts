import type { OutputLine } from "../repos/run-repo";

/** What one run of a function produced, whichever runtime ran it. */
export type RunResult = {
  /** `memory`: the function went past its memory setting (its instance is discarded). */
  outcome: "ok" | "timeout" | "crash" | "memory";
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
  lines: OutputLine[];
  cpuSeconds: number;
  maxRssKb: number | null;
  startedAt: number;
  endedAt: number;
  exit: { code: number | null; signal: number | null } | null;
};
