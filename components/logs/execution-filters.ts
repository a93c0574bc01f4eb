import type { ExecutionLogDto } from "@/lib/dto/logs";

/*
 * The Executions view's filters live in the query string, so a filtered view can be shared and
 * survives a reload; this module is the one place that reads and writes them.
 */

export const STATUS_FILTERS = ["all", "success", "error"] as const;
export const LEVEL_FILTERS = ["all", "info", "warn", "error"] as const;
export const LIMIT_OPTIONS = [50, 100, 200, 500, 1000] as const;
export const DEFAULT_LIMIT = 100;

export type StatusFilter = (typeof STATUS_FILTERS)[number];
export type LevelFilter = (typeof LEVEL_FILTERS)[number];

export type ExecutionFilters = {
  status: StatusFilter;
  level: LevelFilter;
  q: string;
  limit: number;
  auto: boolean;
};

export const DEFAULT_FILTERS: ExecutionFilters = {
  status: "all",
  level: "all",
  q: "",
  limit: DEFAULT_LIMIT,
  auto: false,
};

type Params = Pick<URLSearchParams, "get">;

/** `value` when it is one of `allowed` (a URL parameter, a select's value), else `fallback`. */
export const oneOf = <T extends string>(allowed: readonly T[], value: string | null, fallback: T): T =>
  (allowed as readonly string[]).includes(value ?? "") ? (value as T) : fallback;

/** Unknown or out-of-range values fall back to the defaults instead of failing the page. */
export function readFilters(params: Params): ExecutionFilters {
  const limit = Number(params.get("limit"));
  return {
    status: oneOf(STATUS_FILTERS, params.get("status"), "all"),
    level: oneOf(LEVEL_FILTERS, params.get("level"), "all"),
    q: (params.get("q") ?? "").slice(0, 200),
    limit: (LIMIT_OPTIONS as readonly number[]).includes(limit) ? limit : DEFAULT_LIMIT,
    auto: params.get("auto") === "1",
  };
}

/** Writes the filters over `base` (other parameters such as `view` kept); defaults are left out. */
export function writeFilters(base: URLSearchParams, f: ExecutionFilters): URLSearchParams {
  const next = new URLSearchParams(base);
  const set = (name: string, value: string | null) => (value === null ? next.delete(name) : next.set(name, value));
  set("status", f.status === "all" ? null : f.status);
  set("level", f.level === "all" ? null : f.level);
  set("q", f.q.trim() === "" ? null : f.q);
  set("limit", f.limit === DEFAULT_LIMIT ? null : String(f.limit));
  set("auto", f.auto ? "1" : null);
  return next;
}

function stringify(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** What free-text search looks through: the log lines and both bodies, lower-cased once per log. */
export function searchText(log: ExecutionLogDto): string {
  return [...log.logs, stringify(log.requestBody), stringify(log.responseBody)].join("\n").toLowerCase();
}

export function matchesFilters(
  log: ExecutionLogDto,
  f: Pick<ExecutionFilters, "status" | "level" | "q">,
  haystack?: string,
): boolean {
  if (f.status !== "all" && log.status !== f.status) return false;
  if (f.level !== "all" && log.level !== f.level) return false;
  const needle = f.q.trim().toLowerCase();
  return needle === "" || (haystack ?? searchText(log)).includes(needle);
}

/** Newest first, whatever order the source used (ISO times with one offset compare as instants). */
export function newestFirst(logs: readonly ExecutionLogDto[]): ExecutionLogDto[] {
  return [...logs].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
}

/** Bodies and JSON-looking log lines pretty-printed for the expanded row; other text unchanged. */
export function prettyJson(value: unknown): string {
  if (value === undefined) return "";
  if (typeof value === "string") {
    const t = value.trim();
    if (!/^[[{]/.test(t)) return value;
    try {
      return JSON.stringify(JSON.parse(t), null, 2);
    } catch {
      return value;
    }
  }
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
