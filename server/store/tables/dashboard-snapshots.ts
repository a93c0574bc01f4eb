import "server-only";
/** The dashboard's figures at one moment, kept so it can draw 7-day trends the backend cannot give. */
export interface DashboardSnapshotsTable {
  /** `<scope>@<bucket start>`: one snapshot per scope per interval, whichever replica writes it first. */
  id: string;
  /** Whose view it is (the roles the figures were read with, e.g. "viewer"). */
  scope: string;
  /** ISO-8601 UTC, when the figures were read. */
  taken_at: string;
  /** JSON: DashboardTotals. */
  totals: string;
  /** JSON: [{ id, name, invocations24h, errors24h }] per workspace. */
  workspaces: string;
}
