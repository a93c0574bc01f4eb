import "server-only";

/** Per-call options every DAL function takes from its route or action. */
export type CallOptions = {
  /**
   * The id withRoute/withAction gave this request. Upload routes bypass proxy.ts, so the request
   * headers carry no id there; passing it keeps console and backend logs on the same id.
   */
  requestId?: string;
};
