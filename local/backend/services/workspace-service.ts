import type { Workspace, WorkspaceCreate, WorkspaceUpdate } from "../../../lib/contract";
import type { Db } from "../db/open";
import { notFound } from "../http/errors";
import type { WorkspaceRepo } from "../repos/workspace-repo";
import type { ObjectStore } from "../storage/object-store";
import { newId } from "../util/ids";

const DAY_MS = 24 * 60 * 60 * 1000;

export class WorkspaceService {
  constructor(
    private readonly db: Db,
    private readonly workspaces: WorkspaceRepo,
    private readonly objects: ObjectStore,
  ) {}

  list(): Workspace[] {
    return this.workspaces.list(Date.now() - DAY_MS);
  }

  get(id: string): Workspace {
    const ws = this.workspaces.get(id, Date.now() - DAY_MS);
    if (!ws) throw notFound("workspace", id);
    return ws;
  }

  create(input: WorkspaceCreate): Workspace {
    const id = newId("ws");
    this.workspaces.insert({ id, name: input.name, description: input.description ?? null, createdAt: Date.now() });
    return this.get(id);
  }

  update(id: string, patch: WorkspaceUpdate): Workspace {
    if (!this.workspaces.exists(id)) throw notFound("workspace", id);
    this.db.transaction(() => this.workspaces.update(id, patch))();
    return this.get(id);
  }

  /**
   * Removes the workspace with its functions, execution logs, runs, output lines and tasks in one
   * transaction, then the functions' source objects (an object left behind by a failure here is
   * swept at the next start-up; a row is never left pointing at a missing object).
   */
  delete(id: string): void {
    if (!this.workspaces.exists(id)) throw notFound("workspace", id);
    const functionIds = this.workspaces.functionIds(id);
    this.db.transaction(() => this.workspaces.delete(id))();
    for (const fnId of functionIds) this.objects.deleteFunction(fnId);
  }
}
