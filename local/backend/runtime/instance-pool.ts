import { newId } from "../util/ids";
import type { SandboxMessage, SandboxProcess } from "./sandbox-process";

/** One sandbox instance (a Pyodide worker); `key` is the function version it is bound to, once bound. */
export type Instance = { wid: string; key: string | null; lastUsed: number; onMessage: (msg: SandboxMessage) => void };

/** An instance's answer to one request, or why it has none. */
export type Answer = { kind: "answer"; msg: SandboxMessage } | { kind: "timeout" } | { kind: "exit"; reason: string };

/**
 * Keeps sandbox instances: blank ones (Pyodide loaded, no code yet) ready for a new version, and
 * bound ones kept warm per version. An instance is bound to exactly one version and never rebound;
 * at most `max` instances exist at once (blank ones included): the least recently used idle one
 * is discarded to make room, and callers wait when every instance is busy.
 */
export class InstancePool {
  private readonly blanks: Promise<Instance>[] = [];
  private readonly idle = new Map<string, Instance[]>();
  private readonly waiters: (() => void)[] = [];
  private count = 0;

  constructor(
    private readonly proc: SandboxProcess,
    private readonly max: number,
    private readonly spares: number,
  ) {}

  /** A warm instance of this version, or a fresh blank one to bind (`warm: false`). */
  async acquire(key: string): Promise<{ inst: Instance; warm: boolean }> {
    for (;;) {
      const warm = this.idle.get(key)?.pop();
      if (warm) return { inst: warm, warm: true };
      const blank = this.blanks.shift();
      if (blank) {
        this.refill();
        return { inst: await this.settle(blank), warm: false };
      }
      if (this.count < this.max) return { inst: await this.settle(this.spawn()), warm: false };
      if (!this.evictOldestIdle()) await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Back to the pool, warm for the next call of its version. */
  release(inst: Instance, key: string): void {
    inst.key = key;
    inst.lastUsed = Date.now();
    const list = this.idle.get(key) ?? [];
    list.push(inst);
    this.idle.set(key, list);
    this.waiters.shift()?.();
  }

  /** Ends an instance for good (crash, timeout, memory failure, or making room). */
  discard(inst: Instance): void {
    this.proc.unlisten(inst.wid);
    this.proc.send({ op: "kill", wid: inst.wid });
    this.count--;
    this.waiters.shift()?.();
    this.refill();
  }

  /** Sends one request and waits for the answer op, a timeout or the instance's end. */
  request(
    inst: Instance,
    msg: Record<string, unknown>,
    answerOp: string,
    onOut: (stream: "stdout" | "stderr", text: string) => void,
  ): Promise<Answer> {
    return new Promise<Answer>((resolve) => {
      inst.onMessage = (m) => {
        if (m.op === "out") onOut(m.stream === "stderr" ? "stderr" : "stdout", String(m.text));
        else if (m.op === answerOp) resolve({ kind: "answer", msg: m });
        else if (m.op === "timeout") resolve({ kind: "timeout" });
        else if (m.op === "exit") resolve({ kind: "exit", reason: String(m.reason) });
      };
      this.proc.send({ op: String(msg.op), ...msg, wid: inst.wid });
    });
  }

  /** Starts blank instances up to the spare count, within the pool size. */
  refill(): void {
    while (this.blanks.length < this.spares && this.count < this.max) this.blanks.push(this.spawn());
  }

  /** Resolves once a blank instance is ready (the sandbox process booted), or rejects if it cannot start. */
  async ready(): Promise<void> {
    this.refill();
    if (this.blanks[0]) await this.blanks[0];
  }

  /** Instances alive now (blank, idle and busy). */
  get size(): number {
    return this.count;
  }

  private spawn(): Promise<Instance> {
    this.count++;
    const inst: Instance = { wid: newId("wasm"), key: null, lastUsed: Date.now(), onMessage: () => undefined };
    const ready = new Promise<Instance>((resolve, reject) => {
      inst.onMessage = (m) => {
        if (m.op === "ready") resolve(inst);
        else if (m.op === "exit") reject(new Error(`the sandbox instance could not start: ${String(m.reason)}`));
      };
    });
    this.proc.listen(inst.wid, (m) => inst.onMessage(m));
    this.proc.send({ op: "spawn", wid: inst.wid });
    ready.catch(() => {
      this.proc.unlisten(inst.wid);
      this.count--;
    });
    return ready;
  }

  private async settle(p: Promise<Instance>): Promise<Instance> {
    try {
      return await p;
    } finally {
      this.waiters.shift()?.();
    }
  }

  private evictOldestIdle(): boolean {
    let oldest: Instance | null = null;
    for (const list of this.idle.values())
      for (const inst of list) if (!oldest || inst.lastUsed < oldest.lastUsed) oldest = inst;
    if (!oldest?.key) return false;
    const list = this.idle.get(oldest.key)!;
    list.splice(list.indexOf(oldest), 1);
    if (list.length === 0) this.idle.delete(oldest.key);
    this.discard(oldest);
    return true;
  }

  /** Every instance ends (the sandbox process is stopped by its owner). */
  clear(): void {
    this.idle.clear();
    this.blanks.length = 0;
    this.count = 0;
  }
}
