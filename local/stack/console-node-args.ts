/**
 * Node flags for the production console (`npm start`, the bench; the Dockerfile and the Kubernetes
 * manifest set the same cap through NODE_OPTIONS). V8 sizes its old space from the host's memory, not
 * the container's: without a cap a busy pod grows past its 512 Mi limit and is OOM-killed instead of
 * collecting garbage. 384 MB of heap leaves room for code, buffers and sockets in 512 Mi.
 */
export const CONSOLE_HEAP_CAP_MB = 384;

export function consoleNodeArgs(nodeOptions = process.env.NODE_OPTIONS ?? ""): string[] {
  // An operator's own cap (NODE_OPTIONS=--max-old-space-size=...) wins.
  return /--max-old-space-size/.test(nodeOptions) ? [] : [`--max-old-space-size=${CONSOLE_HEAP_CAP_MB}`];
}
