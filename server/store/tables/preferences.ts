import "server-only";
/** Small remembered choices shared by the team, keyed by scope (`workspace:{id}`, `function:{ws}/{fn}`) and name. */
export interface PreferencesTable {
  scope: string;
  name: string;
  /** JSON value. */
  value: string;
  updated_by: string;
  updated_at: string;
}
