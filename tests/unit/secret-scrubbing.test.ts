import { Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ENV_MASK } from "@/lib/dto/function";

/*
 * Issue 11.3 and 11.4: a configured secret never reaches a browser or a log line in any form, and
 * secret-looking env values are masked by name and by value.
 */
const PASSWORD = "Registry-Pa55word/xyz+Q";
const USER = "ci-bot";
const TOKEN = "backend-service-token-123";
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");

beforeEach(() => {
  vi.resetModules();
  vi.stubEnv(
    "REGISTRY_CREDENTIALS",
    JSON.stringify([{ url: "registry.example.com", username: USER, password: PASSWORD }]),
  );
  vi.stubEnv("BACKEND_TOKEN", TOKEN);
  vi.stubEnv("SECRET_ENV_PATTERNS", "");
});
afterEach(() => vi.unstubAllEnvs());

async function redact(text: string): Promise<string> {
  const { redactForBrowser } = await import("@/server/secrets/browser-safe");
  return redactForBrowser(text);
}

describe("a configured secret in every form", () => {
  const basic = b64(`${USER}:${PASSWORD}`);
  it.each([
    ["plain", `docker login -p ${PASSWORD} failed`],
    ["lower case", `denied: ${PASSWORD.toLowerCase()}`],
    ["upper case", `DENIED: ${PASSWORD.toUpperCase()}`],
    ["URL-encoded", `GET /v2/?p=${encodeURIComponent(PASSWORD)}`],
    ["URL-encoded, lower-case escapes", `p=${encodeURIComponent(PASSWORD).toLowerCase()}`],
    ["form-encoded", `p=${encodeURIComponent(PASSWORD).replace(/%20/g, "+")}`],
    ["Base64 of the value", `secret is ${b64(PASSWORD)}`],
    ["Base64 of user:password", `Authorization: Basic ${basic}`],
    ["Base64url of user:password", `auth=${basic.replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "")}`],
    ["inside a longer Base64 text (offset 0)", b64(`${PASSWORD} and more`)],
    ["inside a longer Base64 text (offset 1)", b64(`x${PASSWORD} and more`)],
    ["inside a longer Base64 text (offset 2)", b64(`xy${PASSWORD} and more`)],
    ["split by whitespace", `pw: ${PASSWORD.slice(0, 8)} ${PASSWORD.slice(8)}`],
    ["split by a newline", `pw: ${PASSWORD.slice(0, 8)}\n${PASSWORD.slice(8)}`],
    ["split by an escaped newline", `pw: ${PASSWORD.slice(0, 8)}\\n${PASSWORD.slice(8)}`],
    ["split by string concatenation", `pw = "${PASSWORD.slice(0, 8)}" + "${PASSWORD.slice(8)}"`],
    ["the backend token", `Bearer ${TOKEN}`],
    ["the backend token in Base64", b64(TOKEN)],
  ])("%s", async (_name, text) => {
    const out = await redact(text);
    expect(out).toContain("[redacted]");
    const lower = out.toLowerCase();
    for (const form of [PASSWORD, TOKEN, b64(PASSWORD), basic, encodeURIComponent(PASSWORD)])
      expect(lower).not.toContain(form.toLowerCase());
  });

  it("leaves ordinary text alone", async () => {
    const text = "Build failed: registry.example.com/team/app:v1 answered 401 (user ci-bot)";
    expect(await redact(text)).toBe(text);
  });

  it("blanks secrets in keys and values of relayed payloads, and drops credential-like keys", async () => {
    const { scrubForBrowser } = await import("@/server/secrets/browser-safe");
    const out = scrubForBrowser({
      [PASSWORD]: 1,
      pw: "a",
      pwd: "b",
      passphrase: "c",
      auth: "d",
      access_key: "e",
      secret_key: "f",
      privateKey: "g",
      "x-api-key": "h",
      credentials: ["i"],
      cookie: "j",
      sessionId: "k",
      author: "kept",
      keyboard: "kept",
      note: `uses ${b64(PASSWORD)}`,
    });
    expect(out).toEqual({ "[redacted]": 1, author: "kept", keyboard: "kept", note: "uses [redacted]" });
  });
});

describe("log lines", () => {
  it("carry no configured secret in any form, in messages, fields or errors", async () => {
    const { createLogger } = await import("@/server/log/logger");
    const lines: string[] = [];
    const log = createLogger(
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString("utf8"));
          done();
        },
      }),
    );
    log.error(
      { err: new Error(`push failed: -p ${PASSWORD}`), detail: { note: b64(`${USER}:${PASSWORD}`) } },
      `backend said ${TOKEN.toUpperCase()}`,
    );
    const text = lines.join("\n").toLowerCase();
    for (const form of [PASSWORD, TOKEN, b64(`${USER}:${PASSWORD}`)]) expect(text).not.toContain(form.toLowerCase());
    expect(text).toContain("[redacted]");
  });
});

describe("secret-looking env values", () => {
  async function mask(vars: Record<string, string>) {
    const { maskEnvironment, secretEnvMatcher } = await import("@/server/secrets/env-mask");
    return maskEnvironment(vars, secretEnvMatcher());
  }

  it.each([
    ["DB_PASS", "hunter22"],
    ["AUTH", "basic-thing"],
    ["MY_PWD", "x1"],
    ["GCP_CREDENTIALS", "{}"],
    ["PRIVATE_THING", "y"],
    ["JWT_SECRET", "z"],
    ["GITHUB_TOKEN", "t"],
    ["API_KEY", "k"],
  ])("the default patterns mask %s by name", async (name, value) => {
    vi.unstubAllEnvs();
    vi.stubEnv("REGISTRY_CREDENTIALS", "[]");
    expect(await mask({ [name]: value })).toEqual({ [name]: ENV_MASK });
  });

  it.each([
    ["a PEM block", "-----BEGIN RSA PRIVATE KEY-----\nMIIB...\n-----END RSA PRIVATE KEY-----"],
    ["a JWT", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"],
    ["an AWS access key id", "AKIAIOSFODNN7EXAMPLE"],
    ["a console secret", `prefix-${PASSWORD}`],
  ])("masks %s whatever the name", async (_n, value) => {
    expect(await mask({ SOMETHING: value })).toEqual({ SOMETHING: ENV_MASK });
  });

  it("masks only the password of a URL with userinfo, and keeps ordinary values", async () => {
    expect(
      await mask({
        DATABASE_URL: "postgres://app:s3cr3t@db.internal:5432/app",
        REGION: "ap-northeast-2",
        SITE: "https://example.com/a",
      }),
    ).toEqual({
      DATABASE_URL: `postgres://app:${ENV_MASK}@db.internal:5432/app`,
      REGION: "ap-northeast-2",
      SITE: "https://example.com/a",
    });
  });

  it("saving a masked URL unchanged keeps the stored password; editing around the mask is refused", async () => {
    const { unmaskEnvironment } = await import("@/server/secrets/env-mask");
    const stored = { DATABASE_URL: "postgres://app:s3cr3t@db.internal:5432/app" };
    expect(unmaskEnvironment({ DATABASE_URL: `postgres://app:${ENV_MASK}@db.internal:5432/app` }, stored)).toEqual(
      stored,
    );
    expect(() => unmaskEnvironment({ DATABASE_URL: `postgres://app:${ENV_MASK}@db.other:5432/app` }, stored)).toThrow(
      /enter the value/,
    );
    expect(unmaskEnvironment({ DATABASE_URL: "postgres://app:new@db.other:5432/app" }, stored)).toEqual({
      DATABASE_URL: "postgres://app:new@db.other:5432/app",
    });
  });

  it("a revealed value shown blanked and sent back keeps the stored one", async () => {
    const { unmaskEnvironment } = await import("@/server/secrets/env-mask");
    const stored = { NOTE: `uses ${PASSWORD}` };
    expect(unmaskEnvironment({ NOTE: "uses [redacted]" }, stored)).toEqual(stored);
  });
});

describe("function code quoting a secret", () => {
  it("goes out blanked and flagged; a save over it is refused by the server", async () => {
    const { reshapeCode } = await import("@/server/dal/reshape-function");
    const source = `TOKEN = "${PASSWORD}"\nprint('안녕')\n`;
    const out = reshapeCode({ code: b64(source), lastModified: "t" });
    expect(out.codeRedacted).toBe(true);
    expect(Buffer.from(out.code, "base64").toString("utf8")).toBe(`TOKEN = "[redacted]"\nprint('안녕')\n`);
    const clean = reshapeCode({ code: b64("print('hi')\n"), lastModified: "t" });
    expect(clean).toEqual({ code: b64("print('hi')\n"), lastModified: "t", codeRedacted: false });
  });
});
