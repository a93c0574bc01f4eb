import { describe, expect, it } from "vitest";
import { DEMO_USERS, defaultClient, EMBEDDED_CLIENT } from "@/local/idp/defaults";
import { embeddedIdpRefusal } from "@/local/idp/guard";
import { roleFromGroups } from "@/server/auth/policy";

describe("embeddedIdpRefusal", () => {
  it.each([
    [{ NODE_ENV: "development" }, false],
    [{ NODE_ENV: "test" }, false],
    [{ NODE_ENV: "production" }, true],
    [{ NODE_ENV: "production", ALLOW_EMBEDDED_IDP: "0" }, true],
    [{ NODE_ENV: "production", ALLOW_EMBEDDED_IDP: "1" }, false],
    [{ NODE_ENV: "production", ALLOW_EMBEDDED_IDP: "true" }, false],
    [{ NODE_ENV: "production", OIDC_ISSUER: "https://idp.example.com" }, false],
    [{ NODE_ENV: "production", OIDC_ISSUER: "  " }, true],
    [{ production: true }, true],
    [{ production: true, allow: "1" }, false],
    [{ production: false }, false],
  ])("%j → refuses: %s", (input, refuses) => {
    const refusal = embeddedIdpRefusal(input);
    expect(refusal !== null).toBe(refuses);
    if (refusal) expect(refusal).toMatch(/OIDC_ISSUER.*ALLOW_EMBEDDED_IDP=1/);
  });

  it("accepts process.env as it is", () => {
    expect(() => embeddedIdpRefusal(process.env)).not.toThrow();
  });
});

describe("embedded IdP defaults", () => {
  it("demo users get their advertised role from the default ROLE_MAP", () => {
    for (const user of DEMO_USERS) {
      expect(roleFromGroups(user.groups, "eunha-admins=admin,eunha-devs=developer,eunha-managers=viewer")).toBe(
        user.role,
      );
    }
    expect(DEMO_USERS.map((u) => u.username).sort()).toEqual(["admin", "developer", "manager"]);
  });

  it("the default client takes redirect URIs from a comma list", () => {
    expect(defaultClient(undefined, undefined)).toMatchObject({
      client_id: EMBEDDED_CLIENT.clientId,
      client_secret: EMBEDDED_CLIENT.clientSecret,
      redirect_uris: ["http://127.0.0.1:3000/api/auth/callback/oidc"],
      post_logout_redirect_uris: ["http://127.0.0.1:3000"],
    });
    expect(
      defaultClient(
        " http://127.0.0.1:4000/api/auth/callback/oidc, http://127.0.0.1:5000/cb ,",
        "http://127.0.0.1:4000",
      ).redirect_uris,
    ).toEqual(["http://127.0.0.1:4000/api/auth/callback/oidc", "http://127.0.0.1:5000/cb"]);
  });
});
