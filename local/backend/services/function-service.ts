import type { z } from "zod";
import type { FunctionConfig, FunctionUpdate, functionCreate } from "../../../lib/contract";
import type { Db } from "../db/open";
import { notFound, validationError } from "../http/errors";
import type { FunctionRecord, FunctionRepo, FunctionStats } from "../repos/function-repo";
import type { WorkspaceRepo } from "../repos/workspace-repo";
import { ObjectStore } from "../storage/object-store";
import { newId } from "../util/ids";
import { parseIso, toKstIso } from "../util/time";

const DAY_MS = 24 * 60 * 60 * 1000;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A create request after the contract schema applied its defaults. */
type CreateInput = z.output<typeof functionCreate>;

/** Base64 is already checked by the contract; the decoded bytes must also be UTF-8 source text. */
export function decodeSource(code: string): Buffer {
  const bytes = Buffer.from(code, "base64");
  try {
    utf8.decode(bytes);
  } catch {
    throw validationError("code", "code: the decoded source must be UTF-8 text");
  }
  return bytes;
}

/** The spec: an invocationUrl without a scheme gets `http://`. */
export function normaliseInvocationUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `http://${url}`;
}

/**
 * Function CRUD over the database (DynamoDB's role) and the object store (S3's). The object is
 * written first under a content-addressed key, then the row; a failed transaction removes the new
 * object, so neither store ever points at something the other lacks.
 */
export class FunctionService {
  constructor(
    private readonly db: Db,
    private readonly functions: FunctionRepo,
    private readonly workspaces: WorkspaceRepo,
    private readonly objects: ObjectStore,
  ) {}

  list(workspaceId: string): FunctionConfig[] {
    if (!this.workspaces.exists(workspaceId)) throw notFound("workspace", workspaceId);
    return this.functions.listWithStats(workspaceId, Date.now() - DAY_MS).map((f) => this.toConfig(f));
  }

  get(workspaceId: string, id: string): FunctionConfig {
    const fn = this.functions.getWithStats(workspaceId, id, Date.now() - DAY_MS);
    if (!fn) throw notFound("function", id);
    return this.toConfig(fn);
  }

  create(workspaceId: string, input: CreateInput): FunctionConfig {
    if (!this.workspaces.exists(workspaceId)) throw notFound("workspace", workspaceId);
    const source = decodeSource(input.code);
    const id = newId("fn");
    const objectKey = ObjectStore.sourceKey(id, source);
    const now = Date.now();
    const record: FunctionRecord = {
      id,
      workspaceId,
      name: input.name,
      description: input.description ?? null,
      runtime: input.runtime,
      memory: input.memory,
      timeout: input.timeout,
      httpMethods: input.httpMethods,
      environmentVariables: input.environmentVariables,
      objectKey,
      invocationUrl: input.invocationUrl === undefined ? null : normaliseInvocationUrl(input.invocationUrl),
      status: input.status ?? "active",
      createdAt: now,
      lastModified: now,
      lastDeployed: null,
    };
    this.objects.put(objectKey, source);
    try {
      this.db.transaction(() => this.functions.insert(record))();
    } catch (err) {
      this.objects.deleteFunction(id);
      throw err;
    }
    return this.get(workspaceId, id);
  }

  update(workspaceId: string, id: string, patch: FunctionUpdate): FunctionConfig {
    const current = this.find(workspaceId, id);

    const changes: Partial<FunctionRecord> = {};
    if (patch.name !== undefined) changes.name = patch.name;
    if (patch.description !== undefined) changes.description = patch.description;
    if (patch.runtime !== undefined) changes.runtime = patch.runtime;
    if (patch.memory !== undefined) changes.memory = patch.memory;
    if (patch.timeout !== undefined) changes.timeout = patch.timeout;
    if (patch.httpMethods !== undefined) changes.httpMethods = patch.httpMethods;
    if (patch.environmentVariables !== undefined) changes.environmentVariables = patch.environmentVariables;
    if (patch.status !== undefined) changes.status = patch.status;
    if (patch.invocationUrl !== undefined)
      changes.invocationUrl = patch.invocationUrl === null ? null : normaliseInvocationUrl(patch.invocationUrl);
    if (patch.lastDeployed !== undefined) changes.lastDeployed = parseIso(patch.lastDeployed);

    let newKey: string | null = null;
    if (patch.code !== undefined) {
      const source = decodeSource(patch.code);
      const key = ObjectStore.sourceKey(id, source);
      if (key !== current.objectKey) {
        this.objects.put(key, source);
        newKey = key;
        changes.objectKey = key;
      }
    }
    if (Object.keys(changes).length > 0 || patch.code !== undefined) changes.lastModified = Date.now();

    try {
      this.db.transaction(() => this.functions.update(id, changes))();
    } catch (err) {
      if (newKey) this.objects.delete(newKey);
      throw err;
    }
    if (newKey) this.objects.delete(current.objectKey);
    return this.get(workspaceId, id);
  }

  delete(workspaceId: string, id: string): void {
    this.find(workspaceId, id);
    // Production also runs `kubectl delete spinapp`; here the function host simply stops finding it.
    this.db.transaction(() => this.functions.delete(id))();
    this.objects.deleteFunction(id);
  }

  private find(workspaceId: string, id: string): FunctionRecord {
    const fn = this.functions.getById(id);
    if (!fn || fn.workspaceId !== workspaceId) throw notFound("function", id);
    return fn;
  }

  private toConfig(fn: FunctionRecord & FunctionStats): FunctionConfig {
    let code = "";
    try {
      code = this.objects.get(fn.objectKey).toString("base64");
    } catch (err) {
      console.error(`[backend] source object ${fn.objectKey} of ${fn.id} is missing:`, (err as Error).message);
    }
    return {
      id: fn.id,
      workspaceId: fn.workspaceId,
      name: fn.name,
      description: fn.description,
      runtime: fn.runtime,
      memory: fn.memory,
      timeout: fn.timeout,
      httpMethods: fn.httpMethods,
      environmentVariables: fn.environmentVariables,
      code,
      invocationUrl: fn.invocationUrl,
      status: fn.status,
      lastModified: toKstIso(fn.lastModified),
      lastDeployed: fn.lastDeployed === null ? null : toKstIso(fn.lastDeployed),
      invocations24h: fn.invocations24h,
      errors24h: fn.errors24h,
      avgDuration: fn.avgDuration,
    };
  }
}
