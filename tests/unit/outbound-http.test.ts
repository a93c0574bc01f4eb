import { describe, expect, it } from "vitest";
import { outboundAllowed, parseOutboundRules, readOutboundRequest } from "../../local/backend/runtime/outbound-http";

const allows = (rules: string, url: string) => outboundAllowed(new URL(url), parseOutboundRules(rules));

describe("PLATFORM_FUNCTION_FETCH_ALLOW", () => {
  it("allows nothing when empty", () => {
    expect(parseOutboundRules(undefined)).toEqual([]);
    expect(parseOutboundRules("  ")).toEqual([]);
    expect(allows("", "https://example.com/")).toBe(false);
  });

  it("matches scheme, whole host names and the port (default port when none is named)", () => {
    expect(allows("https://api.example.com", "https://api.example.com/v1")).toBe(true);
    expect(allows("https://api.example.com", "http://api.example.com/")).toBe(false);
    expect(allows("https://api.example.com", "https://api.example.com:8443/")).toBe(false);
    expect(allows("https://api.example.com", "https://api.example.com.evil.test/")).toBe(false);
    expect(allows("https://api.example.com", "https://API.example.com/")).toBe(true);
    expect(allows("api.example.com", "http://api.example.com/")).toBe(true);
    expect(allows("http://127.0.0.1:8080", "http://127.0.0.1:8080/x")).toBe(true);
    expect(allows("http://127.0.0.1:8080", "http://127.0.0.1:8081/x")).toBe(false);
    expect(allows("http://127.0.0.1:*", "http://127.0.0.1:9/")).toBe(true);
  });

  it("matches *.domain below the domain only, and * as any host", () => {
    expect(allows("https://*.example.com", "https://a.b.example.com/")).toBe(true);
    expect(allows("https://*.example.com", "https://example.com/")).toBe(false);
    expect(allows("https://*.example.com", "https://badexample.com/")).toBe(false);
    expect(allows("https://*:*", "https://anything.test:444/")).toBe(true);
    expect(allows("https://*:*", "http://anything.test/")).toBe(false);
  });

  it("never allows credentials in the URL or another scheme", () => {
    expect(allows("https://*:*", "https://user:pw@example.com/")).toBe(false);
    expect(allows("*:*", "ftp://example.com/")).toBe(false);
    expect(allows("*:*", "file:///etc/passwd")).toBe(false);
  });

  it("refuses what is not a host pattern, naming it", () => {
    for (const bad of [
      "https://example.com/path",
      "ftp://example.com",
      "exa mple.com",
      "host:99999",
      "*.*.com",
      "a,,b:x",
    ])
      expect(() => parseOutboundRules(bad), bad).toThrow(/is not a host pattern/);
  });
});

describe("what a function writes to the HTTP device", () => {
  it("is refused unless it is a well-formed request", () => {
    expect(readOutboundRequest("{")).toBe("the outbound request is not JSON");
    expect(readOutboundRequest('{"method":"GET"}')).toMatch(/needs method, url/);
    expect(readOutboundRequest('{"method":"G E T","url":"x","headers":[],"bodyB64":"","timeoutMs":1}')).toMatch(
      /needs method/,
    );
    expect(
      readOutboundRequest('{"method":"GET","url":"http://a/","headers":[["a","b"]],"bodyB64":"","timeoutMs":5}'),
    ).toEqual({ method: "GET", url: "http://a/", headers: [["a", "b"]], bodyB64: "", timeoutMs: 5 });
  });
});
