import "server-only";

type Cell = string | number | null;

/**
 * One CSV field (RFC 4180). Text that a spreadsheet would run as a formula (= + - @, tab, CR) gets a
 * leading apostrophe: workspace names are free text typed by users.
 */
export function csvField(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document, CRLF line ends, with a BOM so spreadsheet apps read Korean names as UTF-8. */
export function toCsv(header: string[], rows: Cell[][]): string {
  return "\uFEFF" + [header, ...rows].map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
