import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";

/**
 * Fault switches, so the console's error isolation can be tested against real failures:
 *  - loki: "down" → 503 LOKI_CONNECTION_ERROR, "error" → 500 LOKI_ERROR
 *  - prometheus: "down" → both queries fail (503 PROMETHEUS_CONNECTION_ERROR), "partial" → the range
 *    query fails and the response says `status: "partial"`
 *  - latencyMs: added before the Loki and Prometheus endpoints answer (slow observability stack)
 *  - apiLatencyMs: added before every /api endpoint answers (slow backend)
 */
export const faultsSchema = z.strictObject({
  loki: z.enum(["down", "error"]).nullable(),
  prometheus: z.enum(["down", "partial"]).nullable(),
  latencyMs: z.number().int().min(0).max(600_000),
  apiLatencyMs: z.number().int().min(0).max(600_000),
});
export type Faults = z.infer<typeof faultsSchema>;

/** A change: fields sent replace the current value, `null` clears a switch. */
export const faultsPatch = faultsSchema.partial().extend({
  latencyMs: faultsSchema.shape.latencyMs.nullable().optional(),
  apiLatencyMs: faultsSchema.shape.apiLatencyMs.nullable().optional(),
});
export type FaultsPatch = z.infer<typeof faultsPatch>;

export const NO_FAULTS: Faults = { loki: null, prometheus: null, latencyMs: 0, apiLatencyMs: 0 };

export class FaultState {
  private current: Faults;

  constructor(private readonly initial: Faults = NO_FAULTS) {
    this.current = { ...initial };
  }

  get(): Faults {
    return { ...this.current };
  }

  apply(patch: FaultsPatch): Faults {
    const next = { ...this.current };
    if (patch.loki !== undefined) next.loki = patch.loki;
    if (patch.prometheus !== undefined) next.prometheus = patch.prometheus;
    if (patch.latencyMs !== undefined) next.latencyMs = patch.latencyMs ?? 0;
    if (patch.apiLatencyMs !== undefined) next.apiLatencyMs = patch.apiLatencyMs ?? 0;
    this.current = next;
    return this.get();
  }

  /** Back to what the process started with (its environment's switches). */
  reset(): Faults {
    this.current = { ...this.initial };
    return this.get();
  }

  async observabilityDelay(): Promise<void> {
    if (this.current.latencyMs > 0) await sleep(this.current.latencyMs);
  }

  async apiDelay(): Promise<void> {
    if (this.current.apiLatencyMs > 0) await sleep(this.current.apiLatencyMs);
  }
}
