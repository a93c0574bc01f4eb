import { randomUUID } from "node:crypto";
import type { TaskKind, TaskPatch, TaskRecord, TaskRepo, TaskResult } from "../repos/task-repo";
import { redact } from "./redact";
import { TaskError } from "./task-error";

export type TaskContext = {
  id: string;
  signal: AbortSignal;
  /** Records progress (e.g. the build half of build-and-push) while the task is still running. */
  update(patch: TaskPatch): void;
};

export type TaskJob = (ctx: TaskContext) => Promise<{ result: TaskResult; patch?: TaskPatch }>;

type Queued = { id: string; kind: TaskKind; job: TaskJob; secrets: string[] };

export const INTERRUPTED_RUNNING = "interrupted: the backend stopped while this task was running; start it again";
export const INTERRUPTED_PENDING = "interrupted: the backend stopped before this task started; start it again";

/**
 * Background tasks persisted in SQLite: `pending → running → completed | failed`. Jobs run in this
 * process, a few at a time (builds spawn Python; the machine has two cores). Credentials a job
 * needs live only in its closure, never in the database, and every error and log line is
 * scrubbed of them.
 */
export class TaskRunner {
  private readonly queue: Queued[] = [];
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private stopped = false;

  constructor(
    private readonly repo: TaskRepo,
    private readonly concurrency = 2,
  ) {}

  /** Fails what a previous process left unfinished (it can never complete). Call once at start-up. */
  recover(): number {
    const n = this.repo.failUnfinished((status) => (status === "running" ? INTERRUPTED_RUNNING : INTERRUPTED_PENDING));
    if (n > 0) console.log(`[tasks] marked ${n} interrupted task(s) as failed`);
    return n;
  }

  /** Task ids are UUIDs, as the real backend's are: build-and-push tags images `task-{task_id}`. */
  static newId(): string {
    return randomUUID();
  }

  /** Inserts a pending task; `start` queues its job. */
  create(input: {
    id: string;
    workspaceId: string;
    kind: TaskKind;
    appName: string | null;
    payload: Record<string, unknown>;
    sourceKey?: string;
    artifactKey?: string;
  }): TaskRecord {
    const now = Date.now();
    const task: TaskRecord = {
      id: input.id,
      workspaceId: input.workspaceId,
      kind: input.kind,
      status: "pending",
      appName: input.appName,
      createdAt: now,
      updatedAt: now,
      result: null,
      error: null,
      payload: input.payload,
      sourceKey: input.sourceKey ?? null,
      artifactKey: input.artifactKey ?? null,
    };
    this.repo.insert(task);
    return task;
  }

  start(task: TaskRecord, job: TaskJob, secrets: string[] = []): void {
    if (this.stopped) {
      this.repo.update(task.id, { status: "failed", error: INTERRUPTED_PENDING });
      return;
    }
    this.queue.push({ id: task.id, kind: task.kind, job, secrets: secrets.filter((s) => s.length > 0) });
    this.pump();
  }

  /** Shutdown: pending tasks fail at once, running ones are aborted and awaited (they fail too). */
  async shutdown(): Promise<void> {
    this.stopped = true;
    for (const q of this.queue.splice(0)) this.repo.update(q.id, { status: "failed", error: INTERRUPTED_PENDING });
    for (const { controller } of this.active.values()) controller.abort(new TaskError(INTERRUPTED_RUNNING));
    await Promise.all([...this.active.values()].map((a) => a.done));
  }

  private pump(): void {
    while (!this.stopped && this.active.size < this.concurrency && this.queue.length > 0) {
      const next = this.queue.shift()!;
      const controller = new AbortController();
      const done = this.run(next, controller.signal).finally(() => {
        this.active.delete(next.id);
        this.pump();
      });
      this.active.set(next.id, { controller, done });
    }
  }

  private async run(q: Queued, signal: AbortSignal): Promise<void> {
    const scrub = (text: string) => redact(text, q.secrets);
    if (!this.repo.update(q.id, { status: "running" })) return; // deleted with its workspace meanwhile
    const ctx: TaskContext = { id: q.id, signal, update: (patch) => void this.repo.update(q.id, patch) };
    try {
      const { result, patch } = await q.job(ctx);
      signal.throwIfAborted();
      this.repo.update(q.id, { ...patch, status: "completed", result, error: null });
    } catch (err) {
      const message = scrub(signal.aborted ? INTERRUPTED_RUNNING : describe(err));
      this.repo.update(q.id, { status: "failed", error: message });
      console.log(`[tasks] ${q.kind} ${q.id} failed: ${message}`);
      if (!(err instanceof TaskError) && !signal.aborted)
        console.error(`[tasks] ${q.id}:`, scrub(err instanceof Error ? (err.stack ?? err.message) : String(err)));
    }
  }
}

function describe(err: unknown): string {
  if (err instanceof TaskError) return err.message;
  return `internal error: ${err instanceof Error ? err.message : String(err)}`;
}
