import "server-only";
/** Saved test events of a function, shared by the team; at most one per function is the default. */
export interface TestEventsTable {
  id: string;
  workspace_id: string;
  function_id: string;
  name: string;
  /** The event's JSON text, as the user wrote it. */
  payload: string;
  is_default: number;
  created_by: string;
  updated_at: string;
}
