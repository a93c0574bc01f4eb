import { test as setup } from "@playwright/test";
import { signInThroughIdp } from "./support/sign-in";
import { storageStateFor, type DemoRole } from "./support/users";

const roles: DemoRole[] = ["developer", "manager", "admin"];

for (const role of roles) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInThroughIdp(page, role);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
