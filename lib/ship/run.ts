/** Ship-from-the-editor runs as the browser sees them. */

export const DEPLOY_STAGES = ["build", "scaffold", "deploy", "smoke"] as const;
export const ROLLBACK_STAGES = ["deploy", "smoke"] as const;
export type StageName = (typeof DEPLOY_STAGES)[number];
export type StageState = "pending" | "running" | "succeeded" | "failed";
export type RunStatus = "running" | "succeeded" | "failed";
export type RunKind = "deploy" | "rollback";

export type StageDto = {
  name: StageName;
  state: StageState;
  startedAt: string | null;
  finishedAt: string | null;
  /** The backend task behind the stage (build-and-push), to link to its page. */
  taskId: string | null;
  /** What it produced, in plain words: the image, the YAML, the endpoint, the smoke answer. */
  output: string | null;
  /** Why it failed, in plain words (Python's own line for a build error). */
  error: string | null;
  attempts: number;
};

export type ShipRunDto = {
  id: string;
  workspaceId: string;
  functionId: string;
  functionName: string;
  kind: RunKind;
  status: RunStatus;
  stages: StageDto[];
  codeHash: string;
  registryUrl: string | null;
  imageRef: string | null;
  endpoint: string | null;
  sourceDeploymentId: string | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
};

/** A function's history row: a run without its stages' outputs. */
export type DeploymentDto = ShipRunDto & {
  /** Whether this run's image is the one on the cluster now. */
  live: boolean;
};

export type DeployStatusDto = {
  /** The newest completed deployment, or null when nothing was ever shipped from the console. */
  live: { id: string; codeHash: string; imageRef: string | null; finishedAt: string | null } | null;
  /** The run in progress for this function, if any. */
  running: { id: string } | null;
  /** The saved code's hash (to compare with live.codeHash). */
  savedCodeHash: string;
};
