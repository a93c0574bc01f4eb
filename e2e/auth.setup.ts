import { request, test as setup } from "@playwright/test";
import { ensureRunWorkspace, RUN_WORKSPACE_NAME } from "./support/run-workspace";
import { signInThroughIdp } from "./support/sign-in";
import { storageStateFor, type DemoRole } from "./support/users";

const roles: DemoRole[] = ["developer", "manager", "admin"];

for (const role of roles) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInThroughIdp(page, role);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}

setup("create the run's workspace (staging runs)", async ({ baseURL }) => {
  setup.skip(!RUN_WORKSPACE_NAME, "no E2E_RUN_ID: journeys use the Demo workspace");
  // Runs after the sign-ins above (serial in one file), so the admin's state exists.
  const admin = await request.newContext({ baseURL, storageState: storageStateFor("admin") });
  try {
    await ensureRunWorkspace(admin);
  } finally {
    await admin.dispose();
  }
});
