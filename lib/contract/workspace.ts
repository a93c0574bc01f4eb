import { z } from "zod";
import { kstTimestamp, nonEmptyName, optionalText } from "./common";

export const workspace = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: optionalText,
  createdAt: kstTimestamp,
  functionCount: z.number().int().min(0),
  invocations24h: z.number().int().min(0),
  errorRate: z.number().min(0).max(100),
});
export type Workspace = z.infer<typeof workspace>;
export const workspaceList = z.array(workspace);

export const workspaceCreate = z.strictObject({
  name: nonEmptyName,
  description: z.string().max(2000).optional(),
});
export type WorkspaceCreate = z.infer<typeof workspaceCreate>;

export const workspaceUpdate = z.strictObject({
  name: nonEmptyName.optional(),
  description: z.string().max(2000).optional(),
});
export type WorkspaceUpdate = z.infer<typeof workspaceUpdate>;
