import type { DeploymentRecord, DeploymentRepo } from "../repos/deployment-repo";

export type ControllerAnswer = { phase: "starting" | "ready"; endpoint: string | null };

/**
 * The embedded stand-in for the Builder's deploy (SpinKube applying a SpinApp). Like the real one,
 * an apply answers before the app has an address; the endpoint appears on the next status query,
 * which is why the deploy flow waits and asks again (the spec's "no endpoint → wait 5 s").
 * Endpoints are on this backend's function host: `/fn/{functionId}` for a function's deploy,
 * `/apps/{namespace}/{app}` otherwise.
 */
export class SpinController {
  constructor(
    private readonly deployments: DeploymentRepo,
    private readonly hostUrl: () => string,
  ) {}

  apply(d: {
    namespace: string;
    appName: string;
    imageRef: string;
    functionId: string | null;
    spec: Record<string, unknown>;
  }): ControllerAnswer {
    this.deployments.apply(d);
    return { phase: "starting", endpoint: null };
  }

  status(namespace: string, appName: string): ControllerAnswer {
    const d = this.deployments.ask(namespace, appName);
    if (!d) return { phase: "starting", endpoint: null };
    if (d.endpoint) return { phase: "ready", endpoint: d.endpoint };
    const endpoint = this.endpointOf(d);
    this.deployments.setEndpoint(namespace, appName, endpoint);
    return { phase: "ready", endpoint };
  }

  endpointOf(d: Pick<DeploymentRecord, "namespace" | "appName" | "functionId">): string {
    const base = this.hostUrl();
    return d.functionId
      ? `${base}/fn/${encodeURIComponent(d.functionId)}`
      : `${base}/apps/${encodeURIComponent(d.namespace)}/${encodeURIComponent(d.appName)}`;
  }
}
