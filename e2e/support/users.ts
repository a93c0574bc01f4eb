import { join } from "node:path";

export type DemoRole = "developer" | "manager" | "admin";

/** Against staging, E2E_USER_<ROLE> / E2E_PASSWORD name real test accounts; locally, the embedded IdP's. */
export function credentials(role: DemoRole): { username: string; password: string } {
  const username = process.env[`E2E_USER_${role.toUpperCase()}`] ?? role;
  return { username, password: process.env.E2E_PASSWORD ?? "demo" };
}

/** Where the setup project saves each role's signed-in browser state. */
export function storageStateFor(role: DemoRole): string {
  return join("e2e", ".auth", `${role}.json`);
}
