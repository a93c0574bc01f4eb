import "server-only";
// The only way server code reaches the backend.
export {
  logUpstreamError,
  upstream,
  upstreamPassthrough,
  type PassthroughResponse,
  type UpstreamMethod,
  type UpstreamRequest,
} from "./client";
export { path } from "./path";
