import "server-only";
/** One row per ship-from-the-editor run or rollback: the deployment history of a function. */
export interface DeploymentsTable {
  id: string;
  workspace_id: string;
  function_id: string;
  function_name: string;
  kind: "deploy" | "rollback";
  /** running | succeeded | failed */
  status: string;
  /** JSON array of stage records (see server/ship/stages.ts). */
  stages: string;
  /** SHA-256 of the code it was built from, hex. */
  code_hash: string;
  /** The code itself (UTF-8 source), to diff against later edits. */
  code: string;
  registry_url: string | null;
  image_ref: string | null;
  /** JSON object: the deployment settings it used. */
  settings: string;
  endpoint: string | null;
  /** For a rollback: the deployment whose image it deployed again. */
  source_deployment_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  /** Until when the console process running it has promised to touch it again (ISO); null when idle. */
  lease_until: string | null;
}
