/**
 * Outbound HTTP from sandboxed functions: `urllib.request` and `spin_sdk.http.send` reach what
 * PLATFORM_FUNCTION_FETCH_ALLOW names (one loopback port here) and nothing else, redirects included.
 * Embedded only: the embedded platform's own broker (a cluster applies Spin's allowed_outbound_hosts).
 */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { logsResponse } from "../../lib/contract";
import { parseOutboundRules } from "../../local/backend/runtime/outbound-http";
import { expectShape } from "../support/backend-contract-expect";
import { Api, b64, describeEmbedded, EMBEDDED, startTarget, type Target } from "../support/backend-contract-target";

type Seen = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };
let target: Target;
let api: Api;
let wsId: string;
let allowed: Server;
let allowedPort = 0;
const seen: Seen[] = [];

beforeAll(async () => {
  if (!EMBEDDED) return;
  // The one allowed destination: echoes what it got, answers 404 on /missing, redirects on /elsewhere.
  allowed = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      if (req.url === "/never") return; // holds the request open until the server closes
      if (req.url === "/missing") return void res.writeHead(404, { "x-why": "none here" }).end("nothing");
      if (req.url?.startsWith("/elsewhere"))
        return void res
          .writeHead(302, { location: new URL(req.url, "http://any").searchParams.get("to") ?? "/" })
          .end();
      res.writeHead(200, { "content-type": "application/json", "x-echo": "yes" });
      res.end(JSON.stringify({ method: req.method, url: req.url, body }));
    });
  });
  await new Promise<void>((resolve) => allowed.listen(0, "127.0.0.1", resolve));
  allowedPort = (allowed.address() as { port: number }).port;
  target = await startTarget({ functionOutbound: parseOutboundRules(`http://127.0.0.1:${allowedPort}`) });
  api = new Api(target.baseUrl);
  wsId = (await api.createWorkspace("outbound")).id;
}, 180_000);
afterAll(async () => {
  await api?.cleanup();
  await target?.close();
  allowed?.closeAllConnections();
  allowed?.close();
});

const deploy = async (source: string) => api.createFunction(wsId, { code: b64(source) });
const invoke = (fnId: string, body: unknown = {}) => api.post(`/api/workspaces/${wsId}/functions/${fnId}/invoke`, body);
const lastLog = async (fnId: string) =>
  expectShape(logsResponse, (await api.get(`/api/workspaces/${wsId}/functions/${fnId}/logs`)).body).logs[0]!;

describeEmbedded("function outbound HTTP (PLATFORM_FUNCTION_FETCH_ALLOW)", () => {
  const base = () => `http://127.0.0.1:${allowedPort}`;

  it("urllib reaches an allowed host: method, path, headers and body go out, status, headers and body come back", async () => {
    const fn = await deploy(
      [
        "import json, urllib.request",
        "def handler(event):",
        `    req = urllib.request.Request("${base()}/hello?x=1", data=b"ping", method="PUT", headers={"X-Team": "eunha"})`,
        "    with urllib.request.urlopen(req, timeout=5) as resp:",
        '        return {"status": resp.status, "echo": resp.headers["x-echo"], "body": json.loads(resp.read())}',
      ].join("\n"),
    );
    const res = await invoke(fn.id);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({ status: 200, echo: "yes", body: { method: "PUT", url: "/hello?x=1", body: "ping" } });
    expect(seen.at(-1)!.headers["x-team"]).toBe("eunha");
  });

  it("spin_sdk.http.send returns the answer, error statuses included", async () => {
    const fn = await deploy(
      [
        "from spin_sdk import http",
        "class IncomingHandler(http.IncomingHandler):",
        "    def handle_request(self, request):",
        `        ok = http.send(http.Request("POST", "${base()}/post", {"content-type": "text/plain"}, b"body"))`,
        `        missing = http.send(http.Request("GET", "${base()}/missing", {}, None))`,
        "        text = f\"{ok.status} {ok.body.decode()} | {missing.status} {missing.headers['x-why']} {missing.body.decode()}\"",
        "        return http.Response(200, {}, text.encode())",
      ].join("\n"),
    );
    const res = await invoke(fn.id);
    expect(res.status, res.text).toBe(200);
    expect(res.text).toBe('200 {"method":"POST","url":"/post","body":"body"} | 404 none here nothing');
  });

  it("a call still waiting on the network ends at the function's timeout, and the next call answers", async () => {
    const fn = await api.createFunction(wsId, {
      timeout: 1,
      code: b64(
        `import urllib.request\ndef handler(event):\n    if event.get("wait"):\n        urllib.request.urlopen("${base()}/never")\n    return "done"\n`,
      ),
    });
    const res = await invoke(fn.id, { wait: true });
    expect(res.status, res.text).toBe(504);
    expect((await lastLog(fn.id)).logs.join("\n")).toMatch(/timed out after 1 s/);
    const next = await invoke(fn.id, {});
    expect(next.status, next.text).toBe(200);
    expect(next.body).toBe("done");
  });

  it("refuses a host the list does not name, and a redirect that leads to one, with the reason in the log", async () => {
    const backendApi = `${target.baseUrl}/api/workspaces`;
    const cases = [
      backendApi,
      `http://localhost:${allowedPort}/`, // same port, another name: not on the list
      `${base()}/elsewhere?to=${encodeURIComponent(backendApi)}`,
    ];
    for (const url of cases) {
      const before = seen.length;
      const fn = await deploy(
        `import urllib.request\ndef handler(event):\n    return urllib.request.urlopen(${JSON.stringify(url)}, timeout=5).read().decode()\n`,
      );
      const res = await invoke(fn.id);
      expect(res.status, url).toBe(500);
      const text = (await lastLog(fn.id)).logs.join("\n");
      expect(text, url).toMatch(
        /URLError: <urlopen error outbound HTTP to http:\/\/(127\.0\.0\.1|localhost):\d+ is not allowed/,
      );
      // Only the allowed redirecting hop reached the allowed server; the backend answered nothing.
      expect(seen.length - before, url).toBe(url.includes("/elsewhere") ? 1 : 0);
    }
  });
});
