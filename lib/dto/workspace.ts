/** What a browser receives for a workspace: built field by field from the upstream object. */
export type WorkspaceDto = {
  id: string;
  name: string;
  description: string | null;
  createdAt: string;
  functionCount: number;
  invocations24h: number;
  errorRate: number;
};
