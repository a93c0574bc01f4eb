import type { FunctionStatus } from "@/lib/contract";

/** Columns of the function table a user can sort by; also the values `?sort=` accepts. */
export const SORTABLE_COLUMNS = [
  "name",
  "status",
  "runtime",
  "memory",
  "timeout",
  "invocations24h",
  "errors24h",
  "avgDuration",
  "lastModified",
  "lastDeployed",
] as const;
export type SortableColumn = (typeof SORTABLE_COLUMNS)[number];

export const STATUS_FILTERS = ["all", "active", "disabled"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export type FunctionSort = { id: SortableColumn; desc: boolean };

/** The function list's view as kept in the query string: `?q=auth&status=active&sort=-invocations24h`. */
export type FunctionListQuery = { q: string; status: StatusFilter; sort: FunctionSort | null };

type ReadableParams = { get(name: string): string | null };

/** Unknown or malformed values fall back to the defaults, so a hand-edited URL never breaks the page. */
export function parseFunctionListQuery(params: ReadableParams): FunctionListQuery {
  const status = params.get("status");
  const rawSort = params.get("sort") ?? "";
  const desc = rawSort.startsWith("-");
  const id = desc ? rawSort.slice(1) : rawSort;
  return {
    q: params.get("q") ?? "",
    status: (STATUS_FILTERS as readonly string[]).includes(status ?? "") ? (status as StatusFilter) : "all",
    sort: (SORTABLE_COLUMNS as readonly string[]).includes(id) ? { id: id as SortableColumn, desc } : null,
  };
}

/** Writes the view into `base` (other parameters survive), leaving defaults out for short URLs. */
export function writeFunctionListQuery(base: URLSearchParams, query: FunctionListQuery): URLSearchParams {
  const next = new URLSearchParams(base);
  if (query.q.trim()) next.set("q", query.q);
  else next.delete("q");
  if (query.status !== "all") next.set("status", query.status);
  else next.delete("status");
  if (query.sort) next.set("sort", `${query.sort.desc ? "-" : ""}${query.sort.id}`);
  else next.delete("sort");
  return next;
}

/** Text filter over what a user reads in a row: name and description, case-insensitive. */
export function matchesFunctionText(fn: { name: string; description: string | null }, q: string): boolean {
  const needle = q.trim().toLocaleLowerCase();
  if (!needle) return true;
  return fn.name.toLocaleLowerCase().includes(needle) || (fn.description ?? "").toLocaleLowerCase().includes(needle);
}

export function matchesStatus(status: FunctionStatus, filter: StatusFilter): boolean {
  return filter === "all" || status === filter;
}
