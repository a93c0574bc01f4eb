import "server-only";
import { z } from "zod";
import { requireUser } from "@/server/auth/session";
import { parseInput } from "@/server/http/validation";
import { db } from "@/server/store";
import { auditFacets, queryAudit, type AuditRecord } from "@/server/store/audit-log";

/** The Audit page's filters, from its query string (a GET form, so a filtered view is a shareable link). */
export const auditFilters = z.object({
  who: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  action: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || undefined),
  workspace: z
    .string()
    .trim()
    .max(200)
    .optional()
    .transform((v) => v || undefined),
  /** `YYYY-MM-DD` (a day in KST) or a full ISO time. */
  from: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || undefined),
  to: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || undefined),
});
export type AuditFilters = z.output<typeof auditFilters>;

export const AUDIT_PAGE_ROWS = 200;
export const AUDIT_EXPORT_ROWS = 10_000;

/** A day in the console's time zone (KST, +09:00) starts at 15:00 UTC the day before. */
function toIso(value: string | undefined, endOfDay: boolean): string | undefined {
  if (!value) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00+09:00`);
    return Number.isNaN(start) ? undefined : new Date(start + (endOfDay ? 86_400_000 : 0)).toISOString();
  }
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

export function parseAuditFilters(raw: Record<string, string | string[] | undefined>): AuditFilters {
  const one = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  return parseInput(auditFilters, one);
}

export async function readAudit(f: AuditFilters, limit: number): Promise<AuditRecord[]> {
  await requireUser("audit.read");
  return queryAudit(await db(), {
    who: f.who,
    action: f.action,
    workspaceId: f.workspace,
    from: toIso(f.from, false),
    to: toIso(f.to, true),
    limit,
  });
}

export async function readAuditFacets(): Promise<{ who: string[]; action: string[] }> {
  await requireUser("audit.read");
  return auditFacets(await db());
}

const CSV_COLUMNS = ["at", "who", "action", "workspace_id", "target", "result", "code", "request_id"] as const;

/** RFC 4180 fields; a leading =, +, - or @ is quoted with an apostrophe so a spreadsheet never runs it. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function auditCsv(rows: AuditRecord[]): string {
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const cells = CSV_COLUMNS.map((c) => (c === "target" ? JSON.stringify(r.target) : String(r[c] ?? "")));
    lines.push(cells.map(csvField).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
