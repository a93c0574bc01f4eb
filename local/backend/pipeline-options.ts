import { MAX_UPLOAD_BYTES } from "./build/multipart";

/** The build/push/deploy pipeline's knobs (environment names in config.ts and README.md). */
export type PipelineOptions = {
  /** Multipart uploads beyond this are refused with 413. Default 50 MiB. */
  maxUploadBytes: number;
  /** Zip limits against zip bombs: entries and total uncompressed bytes. */
  buildMaxFiles: number;
  buildMaxBytes: number;
  /** `allowed_outbound_hosts` of generated components. */
  outboundHosts: string[];
  /** Per-request timeout towards registries. */
  registryTimeoutMs: number;
  /** Deploy: wait before asking the controller again for the endpoint (the spec's 5 s). */
  deployEndpointWaitMs: number;
  /** Background tasks run at once. */
  maxConcurrentTasks: number;
};

export const DEFAULT_PIPELINE: PipelineOptions = {
  maxUploadBytes: MAX_UPLOAD_BYTES,
  buildMaxFiles: 1_000,
  buildMaxBytes: 100 * 1024 * 1024,
  outboundHosts: ["https://*:*"],
  registryTimeoutMs: 30_000,
  deployEndpointWaitMs: 5_000,
  maxConcurrentTasks: 2,
};
