import { TaskError } from "../tasks/task-error";

export type Credentials = { username: string; password: string } | null;

const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Loopback registries are spoken to over plain HTTP (a test registry); everything else over HTTPS. */
export function registryOrigin(host: string): string {
  const hostname = host.replace(/:\d+$/, "");
  return `${LOOPBACK_HOST.test(hostname) ? "http" : "https"}://${host}`;
}

type Challenge = { scheme: string; params: Record<string, string> };

export function parseChallenge(header: string | null): Challenge | null {
  if (!header) return null;
  const m = /^\s*(\w+)\s*(.*)$/.exec(header);
  if (!m) return null;
  const params: Record<string, string> = {};
  for (const p of m[2]!.matchAll(/(\w+)\s*=\s*(?:"([^"]*)"|([^\s,]+))/g))
    params[p[1]!.toLowerCase()] = p[2] ?? p[3] ?? "";
  return { scheme: m[1]!.toLowerCase(), params };
}

/** A registry's error body (`{"errors":[{"code","message"}]}`) as one line, or the status alone. */
export async function describeFailure(res: Response): Promise<string> {
  const text = await res.text().catch(() => "");
  try {
    const errors = (JSON.parse(text) as { errors?: { code?: string; message?: string }[] }).errors ?? [];
    if (errors.length > 0)
      return `${res.status} ${errors.map((e) => [e.code, e.message].filter(Boolean).join(": ")).join("; ")}`;
  } catch {
    // not JSON
  }
  return `${res.status} ${res.statusText}`.trim();
}

/**
 * HTTP to one repository of an OCI distribution registry, answering its auth challenges: Basic
 * with the given credentials, or the Bearer token flow (the token service is asked for
 * `repository:<name>:pull,push` with Basic credentials when there are any). Credentials go to the
 * registry's own origin and its token realm only, never to a host a Location header points at.
 */
export class RegistryClient {
  private authorization: string | null = null;

  constructor(
    readonly origin: string,
    readonly repository: string,
    private readonly creds: Credentials,
    private readonly signal: AbortSignal,
    private readonly timeoutMs: number,
  ) {}

  async send(
    method: string,
    target: string,
    init: { body?: Buffer; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const url = new URL(target, this.origin);
    let res = await this.fetchOnce(method, url, init);
    if (res.status !== 401 || url.origin !== this.origin) return res;
    const challenge = parseChallenge(res.headers.get("www-authenticate"));
    await res.body?.cancel();
    if (this.authorization)
      throw new TaskError(
        `the registry ${this.origin} refused the credentials for ${this.repository} (401 after authenticating)`,
      );
    this.authorization = await this.negotiate(challenge);
    res = await this.fetchOnce(method, url, init);
    if (res.status === 401) {
      await res.body?.cancel();
      throw new TaskError(
        `the registry ${this.origin} refused the credentials${this.creds ? ` of user "${this.creds.username}"` : ""} (401 Unauthorized)`,
      );
    }
    return res;
  }

  private async negotiate(challenge: Challenge | null): Promise<string> {
    if (challenge?.scheme === "basic") {
      if (!this.creds)
        throw new TaskError(
          `the registry ${this.origin} requires a username and password (Basic realm "${challenge.params.realm ?? ""}")`,
        );
      return `Basic ${basic(this.creds)}`;
    }
    if (challenge?.scheme === "bearer" && challenge.params.realm) return `Bearer ${await this.token(challenge.params)}`;
    throw new TaskError(
      `the registry ${this.origin} answered 401 with an authentication scheme this backend does not support (${challenge?.scheme ?? "none"})`,
    );
  }

  private async token(params: Record<string, string>): Promise<string> {
    let realm: URL;
    try {
      realm = new URL(params.realm!);
    } catch {
      throw new TaskError(`the registry ${this.origin} named an invalid token realm`);
    }
    if (realm.protocol !== "https:" && !(realm.protocol === "http:" && LOOPBACK_HOST.test(realm.hostname))) {
      throw new TaskError(
        `the registry's token realm ${realm.origin} is not HTTPS; refusing to send credentials there`,
      );
    }
    if (params.service) realm.searchParams.set("service", params.service);
    realm.searchParams.append("scope", `repository:${this.repository}:pull,push`);
    const headers: Record<string, string> = { accept: "application/json" };
    if (this.creds) headers.authorization = `Basic ${basic(this.creds)}`;
    const res = await this.fetchRaw("GET", realm, { headers });
    if (!res.ok)
      throw new TaskError(
        `the registry's token service ${realm.origin} refused the request: ${await describeFailure(res)}`,
      );
    const body = (await res.json().catch(() => ({}))) as { token?: string; access_token?: string };
    const token = body.token ?? body.access_token;
    if (!token) throw new TaskError(`the registry's token service ${realm.origin} answered without a token`);
    return token;
  }

  private fetchOnce(
    method: string,
    url: URL,
    init: { body?: Buffer; headers?: Record<string, string> },
  ): Promise<Response> {
    const headers = { ...init.headers };
    if (this.authorization && url.origin === this.origin) headers.authorization = this.authorization;
    return this.fetchRaw(method, url, { ...init, headers });
  }

  private async fetchRaw(
    method: string,
    url: URL,
    init: { body?: Buffer; headers?: Record<string, string> },
  ): Promise<Response> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    try {
      // A copy into a plain ArrayBuffer-backed view: what fetch's BodyInit type accepts.
      const body = init.body ? new Uint8Array(init.body) : undefined;
      return await fetch(url, {
        method,
        headers: init.headers,
        body,
        redirect: "manual",
        signal: AbortSignal.any([this.signal, timeout]),
      });
    } catch (err) {
      if (this.signal.aborted) throw this.signal.reason;
      if (timeout.aborted)
        throw new TaskError(
          `the registry at ${url.origin} did not answer within ${Math.round(this.timeoutMs / 1000)} s (${method} ${url.pathname})`,
        );
      const cause = (err as { cause?: { code?: string; message?: string } }).cause;
      throw new TaskError(
        `cannot reach the registry at ${url.origin}: ${cause?.code ?? cause?.message ?? (err as Error).message}`,
      );
    }
  }
}

function basic(creds: NonNullable<Credentials>): string {
  return Buffer.from(`${creds.username}:${creds.password}`, "utf8").toString("base64");
}
